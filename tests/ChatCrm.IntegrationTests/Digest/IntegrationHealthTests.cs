using ChatCrm.Core.Health;
using ChatCrm.IntegrationTests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>
/// The health job through the whole app, its Teams check asking the Bot Framework stand-in's
/// token endpoint for a token, and /admin health in the web chat.
/// </summary>
public sealed class IntegrationHealthTests : IAsyncLifetime
{
    private BotFrameworkStandIn _botFramework = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _botFramework = await BotFrameworkStandIn.StartAsync();
        _app = new ChatCrmApp(settings: _botFramework.AppSettings);
        _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _botFramework.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_token_alerts_the_admin_once_across_runs_and_recovery_once()
    {
        _botFramework.RefuseTokens = true;
        await RunTimesAsync(3);
        var whileDown = await _app.InboxAsync("admin");
        _botFramework.RefuseTokens = false;
        await RunTimesAsync(2);
        var afterwards = await _app.InboxAsync("admin");

        Assert.Equal(3, _botFramework.TokenRequests - 1);
        Assert.Equal(["⚠️ Microsoft Teams 连接异常,健康检查失败。恢复时会再通知你。发送 /admin health 查看各集成状态。"], whileDown.Select(reply => reply.Text));
        Assert.Equal(["✅ Microsoft Teams 已恢复正常。"], afterwards.Select(reply => reply.Text));
    }

    [Fact]
    public async Task The_alert_says_what_the_token_endpoint_answered_and_no_secret()
    {
        _botFramework.RefuseTokens = true;
        await RunTimesAsync(1);

        var alert = Assert.Single(await _app.InboxAsync("admin"));

        Assert.Contains("invalid_client", alert.Fact("错误"), StringComparison.Ordinal);
        Assert.DoesNotContain("stand-in-secret", alert.Fact("错误"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_reads_each_integrations_state_in_the_chat()
    {
        _botFramework.RefuseTokens = true;
        await RunTimesAsync(1);

        var reply = Assert.Single(await _app.SayAsync("admin", "/admin health"));

        Assert.Equal("1 个集成异常。", reply.Text);
        Assert.StartsWith("⚠️ 异常,自 2026-11-18 10:00 起", reply.Fact("Microsoft Teams"), StringComparison.Ordinal);
        Assert.StartsWith("✅ 正常", reply.Fact("线索接入"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_salesperson_is_refused_the_health_report()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "/admin health"));

        Assert.Equal("Sorry, only an admin can do that.", reply.Text);
    }

    private async Task RunTimesAsync(int times)
    {
        var job = _app.Services.GetRequiredService<CheckIntegrations>();
        for (var run = 0; run < times; run++)
        {
            await job.RunAsync(default);
            _app.Clock.Advance(TimeSpan.FromMinutes(15));
        }
    }
}
