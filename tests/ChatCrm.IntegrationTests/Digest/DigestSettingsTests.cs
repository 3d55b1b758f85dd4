using ChatCrm.Core.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>ChatCrm:Scheduler:Digest: the digest times come from it, and a mistake stops the app at start naming the setting.</summary>
public sealed class DigestSettingsTests
{
    [Theory]
    [InlineData("ChatCrm:Scheduler:Digest:At", "8am", "ChatCrm:Scheduler:Digest:At must be a time such as 08:00, not '8am'.")]
    [InlineData("ChatCrm:Scheduler:Digest:Teams:east:At", "25:00", "ChatCrm:Scheduler:Digest:Teams:east:At must be a time such as 08:00, not '25:00'.")]
    [InlineData("ChatCrm:Scheduler:Digest:ReportBaseUrl", "crm.example.com", "ChatCrm:Scheduler:Digest:ReportBaseUrl must be an http(s) address")]
    public void A_mistake_stops_the_app_at_start_naming_the_setting(string setting, string value, string message)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_can_have_its_own_digest_time()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Scheduler:Digest:At"] = "08:30",
            ["ChatCrm:Scheduler:Digest:Teams:south:At"] = "07:45",
        });
        app.CreateClient();

        var digest = app.Services.GetRequiredService<DigestSettings>();

        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(7, 45)), (digest.AtFor("east"), digest.AtFor("south")));
    }
}
