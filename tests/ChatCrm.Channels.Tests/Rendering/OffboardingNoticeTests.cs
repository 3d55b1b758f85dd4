using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Rendering;

/// <summary>The manager's notice about an offboarded colleague, in both languages and on every channel, with its button.</summary>
public sealed class OffboardingNoticeTests
{
    private static Notice Offboarded(string to, string offers = "0") => new(Notices.UserOffboarded, new Dictionary<string, string>
    {
        ["user"] = "alice",
        ["name"] = "Alice 李爱丽",
        ["to"] = to,
        ["manager"] = "wang",
        ["leads"] = "5",
        ["offers"] = offers,
    });

    [Theory]
    [InlineData("zh", "manager", "Alice 李爱丽(alice)已停用,其 5 条未结束的线索已转给你。")]
    [InlineData("en", "manager", "Alice 李爱丽 (alice) was deactivated: their 5 open leads are yours now.")]
    [InlineData("zh", "pool", "Alice 李爱丽(alice)已停用,其 5 条未结束的线索已退回公海。")]
    [InlineData("en", "pool", "Alice 李爱丽 (alice) was deactivated: their 5 open leads went back to the pool.")]
    public void The_manager_reads_how_many_leads_went_where(string language, string to, string text) =>
        Assert.Equal(text, new NoticeWriter(CrmSettings.Default).Write(Offboarded(to), language).Text);

    [Fact]
    public void Withdrawn_offers_are_counted_too() =>
        Assert.EndsWith(" 2 leads offered to them were withdrawn and offered again.", new NoticeWriter(CrmSettings.Default).Write(Offboarded("pool", "2"), "en").Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("manager", LeadFilter.Mine)]
    [InlineData("pool", LeadFilter.Unclaimed)]
    public void Its_button_lists_the_leads_where_they_went(string to, LeadFilter filter)
    {
        var button = Assert.Single(new NoticeWriter(CrmSettings.Default).Write(Offboarded(to), "zh").Actions);

        Assert.Equal(new QueryLeadsIntent(filter), IntentPayload.Read(button.Payload));
    }

    [Fact]
    public void On_teams_and_wecom_the_button_carries_its_payload()
    {
        var reply = new NoticeWriter(CrmSettings.Default).Write(Offboarded("manager"), "zh");

        var card = AdaptiveCardWriter.Write(reply);
        var template = WeComMessageWriter.Write(reply, "cc_1")["template_card"]!;

        Assert.Equal("我的线索", (string?)card["actions"]![0]!["title"]);
        Assert.Equal(reply.Actions[0].Payload, WeComButtonKey.Read((string?)template["button_list"]![0]!["key"]));
    }
}
