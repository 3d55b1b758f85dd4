using ChatCrm.Core.Health;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Health;

public sealed class CheckIntegrationsTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly ScriptedCheck _teams = new("teams");
    private readonly ScriptedCheck _wecom = new("wecom");
    private readonly CheckIntegrations _job;

    public CheckIntegrationsTests() => _job = new CheckIntegrations(_world.Store, _world.Clock, [_teams, _wecom]);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_failure_lasting_several_runs_alerts_the_admins_once()
    {
        _teams.Next = () => CheckResult.Failed("token endpoint: 401 invalid_client");

        await RunTimesAsync(4);

        var notice = Assert.Single(await AdminNoticesAsync());
        Assert.Equal((Notices.IntegrationDown, "teams", "token endpoint: 401 invalid_client"), (notice.Kind, notice.Args["integration"], notice.Args["error"]));
    }

    [Fact]
    public async Task Recovery_is_told_once_with_when_the_incident_began()
    {
        _teams.Next = () => CheckResult.Failed("down");
        var began = _world.Clock.GetUtcNow();
        await RunTimesAsync(3);
        _teams.Next = () => CheckResult.Ok;

        await RunTimesAsync(3);

        var recovered = Assert.Single(await AdminNoticesAsync(), notice => notice.Kind == Notices.IntegrationRecovered);
        Assert.Equal(began, DateTimeOffset.Parse(recovered.Args["since"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_new_failure_after_recovery_is_a_new_incident_with_its_own_alert()
    {
        _teams.Next = () => CheckResult.Failed("down");
        await RunTimesAsync(2);
        _teams.Next = () => CheckResult.Ok;
        await RunTimesAsync(1);
        _teams.Next = () => CheckResult.Failed("down again");

        await RunTimesAsync(2);

        Assert.Equal(
            [Notices.IntegrationDown, Notices.IntegrationRecovered, Notices.IntegrationDown],
            (await AdminNoticesAsync()).Select(notice => notice.Kind));
    }

    [Fact]
    public async Task A_check_that_throws_is_a_failed_check_and_the_others_still_run()
    {
        _teams.Next = () => throw new HttpRequestException("Connection refused (login.example:443) ?client_secret=hunter2");
        _wecom.Next = () => CheckResult.Failed("gettoken: errcode 40001");

        var outcome = await _job.RunAsync(default);

        var states = await _world.Store.ReadAsync(session => session.IntegrationHealth.All(), default);
        Assert.Equal(["teams", "wecom"], states.Where(state => !state.Healthy).Select(state => state.Integration));
        Assert.Equal("HttpRequestException: Connection refused (login.example:443) ?client_secret=***", states[0].LastError);
        Assert.Equal(2, outcome.Count);
    }

    [Fact]
    public async Task Healthy_integrations_tell_nobody_and_are_recorded_as_healthy_since_their_first_check()
    {
        var first = _world.Clock.GetUtcNow();
        await RunTimesAsync(3);

        var states = await _world.Store.ReadAsync(session => session.IntegrationHealth.All(), default);
        Assert.Empty(await AdminNoticesAsync());
        Assert.All(states, state => Assert.Equal((true, first), (state.Healthy, state.Since)));
    }

    [Fact]
    public async Task An_integration_switched_off_is_not_recorded()
    {
        _wecom.Next = () => CheckResult.NotConfigured;

        await RunTimesAsync(1);

        Assert.Equal(["teams"], (await _world.Store.ReadAsync(session => session.IntegrationHealth.All(), default)).Select(state => state.Integration));
    }

    [Fact]
    public async Task An_admin_sees_every_state_and_a_salesperson_is_refused()
    {
        _teams.Next = () => CheckResult.Failed("down");
        await RunTimesAsync(1);
        var show = new ShowIntegrationHealth(_world.Store);

        var forAdmin = await show.HandleAsync(As(Admin), default);
        var forAlice = await show.HandleAsync(As(Alice), default);

        Assert.Equal(2, forAdmin.Value!.Count);
        Assert.IsType<NotPermitted>(forAlice.Error);
    }

    private async Task RunTimesAsync(int times)
    {
        for (var run = 0; run < times; run++)
        {
            await _job.RunAsync(default);
            _world.Clock.Advance(TimeSpan.FromMinutes(15));
        }
    }

    private async Task<IReadOnlyList<Notice>> AdminNoticesAsync() =>
        [.. (await _world.Store.ReadAsync(session => session.Outbox.PendingFor(Admin.Key, 100), default)).Select(message => message.Notice!)];
}
