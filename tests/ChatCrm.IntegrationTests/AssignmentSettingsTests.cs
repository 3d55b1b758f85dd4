using Microsoft.Extensions.Options;

namespace ChatCrm.IntegrationTests;

/// <summary>Rules and working hours come from ChatCrm:Assignment; a mistake in them stops the app at start, naming the setting.</summary>
public sealed class AssignmentSettingsTests
{
    [Theory]
    [InlineData("ChatCrm:Assignment:Rules:0:Strategy", "Sideways", "ChatCrm:Assignment:Rules:0:Strategy 'Sideways' is not RoundRobin or LeastLoaded")]
    [InlineData("ChatCrm:Assignment:WorkingHours:east:TimeZone", "Mars/Olympus", "ChatCrm:Assignment:WorkingHours:east: 'Mars/Olympus' is not a known time zone id")]
    [InlineData("ChatCrm:Assignment:WorkingHours:east:Days:0", "Funday", "ChatCrm:Assignment:WorkingHours:east: 'Funday' is not a day of the week")]
    public void A_mistake_stops_the_app_at_start_naming_the_setting(string setting, string value, string message)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Assignment:Rules:0:Name"] = "vip",
            [setting] = value,
        });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_rules_and_hours_are_put_in_the_store_and_an_admin_can_list_them()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Assignment:Rules:0:Name"] = "douyin-vip",
            ["ChatCrm:Assignment:Rules:0:Sources:0"] = "douyin",
            ["ChatCrm:Assignment:Rules:0:Tags:0"] = "vip",
            ["ChatCrm:Assignment:Rules:0:Team"] = "south",
            ["ChatCrm:Assignment:Rules:0:Strategy"] = "LeastLoaded",
            ["ChatCrm:Assignment:Rules:0:Capacity"] = "3",
            ["ChatCrm:Assignment:WorkingHours:south:Days:0"] = "Sat",
            ["ChatCrm:Assignment:WorkingHours:south:Start"] = "10:00",
            ["ChatCrm:Assignment:WorkingHours:south:End"] = "16:00",
        });
        app.CreateClient();

        var listed = await ListedAsync(app);

        Assert.Equal(("1. douyin-vip", "来源 douyin · 地区 任意 · 行业 任意 · 标签 vip → south,负载最少优先,每人最多 3 条待认领"), (listed.Facts[0].Label, listed.Facts[0].Value));
        Assert.Equal(("2. default", "来源 任意 · 地区 任意 · 行业 任意 · 标签 任意 → 线索所属团队,轮流分配,每人最多 5 条待认领"), (listed.Facts[1].Label, listed.Facts[1].Value));
        Assert.Equal(("south 工作时间", "周六 10:00–16:00 (Asia/Shanghai)"), (listed.Facts[2].Label, listed.Facts[2].Value));
    }

    private static async Task<Channels.Conversation.ChatReply> ListedAsync(ChatCrmApp app)
    {
        // The engine puts the rules in the store as it starts, just after the app answers.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var reply = Assert.Single(await app.SayAsync("admin", "/admin rule list"));
            if (reply.Facts.Count > 2)
            {
                return reply;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The configured rules never reached the store.");
    }
}
