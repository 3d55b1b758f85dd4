using ChatCrm.Core.Access;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Tests.Intake;

/// <summary>Gaps are made by counting requests at the door that never get an outcome, as a crash after the door leaves them.</summary>
public sealed class ReconcileIntakeTests : IDisposable
{
    // The requests are made at 10:00 sharp; their hour is looked at once it has been over for a few minutes.
    private static readonly TimeSpan HourAndGrace = TimeSpan.FromHours(1) + ReconcileIntake.Grace;

    private readonly IntakeWorld _intake = new();

    public void Dispose() => _intake.Dispose();

    private ReconcileIntake Reconcile => new(_intake.World.Store, _intake.World.Clock, new RaiseIntegrationAlert(_intake.World.Store, _intake.World.Clock), _intake.Settings, _intake.World.Settings);

    private async Task RequestsAsync(int settled, int lost)
    {
        for (var i = 0; i < settled; i++)
        {
            await _intake.SendAsync("webform", IntakeWorld.Fields(("name", "x")));
        }

        for (var i = 0; i < lost; i++)
        {
            await _intake.Tally.ReceivedAsync("webform", default);
        }
    }

    private Task<IReadOnlyList<OutboxMessage>> AdminNoticesAsync() =>
        _intake.World.Store.ReadAsync(session => session.Outbox.PendingFor(CrmWorld.Admin.Key, 10), default);

    [Fact]
    public async Task An_hour_with_more_than_a_tenth_of_its_requests_unsettled_alerts_the_admins()
    {
        await RequestsAsync(settled: 8, lost: 2);
        _intake.World.Clock.Advance(HourAndGrace);

        var gap = Assert.Single(await Reconcile.HandleAsync(default));

        Assert.Equal(("webform", 10, 8), (gap.SourceKey, gap.Received, gap.Settled));
        var notice = Assert.Single(await AdminNoticesAsync()).Notice!;
        Assert.Equal((Notices.IntegrationFailing, "intake", "webform"), (notice.Kind, notice.Args["channel"], notice.Args["code"]));
        Assert.Equal("2026-11-18 10:00: 10 received, 8 stored", notice.Args["message"]);
    }

    [Fact]
    public async Task A_gap_alerts_once()
    {
        await RequestsAsync(settled: 0, lost: 1);
        _intake.World.Clock.Advance(HourAndGrace);
        await Reconcile.HandleAsync(default);
        _intake.World.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await Reconcile.HandleAsync(default));
        Assert.Single(await AdminNoticesAsync());
    }

    [Fact]
    public async Task A_gap_at_the_threshold_does_not_alert()
    {
        await RequestsAsync(settled: 9, lost: 1);
        _intake.World.Clock.Advance(HourAndGrace);

        Assert.Empty(await Reconcile.HandleAsync(default));
        Assert.Empty(await AdminNoticesAsync());
    }

    [Fact]
    public async Task The_hour_in_progress_and_the_first_minutes_after_it_are_not_looked_at()
    {
        await RequestsAsync(settled: 0, lost: 3);
        _intake.World.Clock.Advance(TimeSpan.FromMinutes(62));

        Assert.Empty(await Reconcile.HandleAsync(default));
        _intake.World.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Single(await Reconcile.HandleAsync(default));
    }

    [Fact]
    public async Task Without_admins_to_tell_the_gap_stays_unalerted_for_the_next_run()
    {
        await _intake.World.Store.WriteAsync(session =>
        {
            session.People.Save(CrmWorld.Admin with { Role = Role.Manager });
            return true;
        }, default);
        await RequestsAsync(settled: 0, lost: 1);
        _intake.World.Clock.Advance(HourAndGrace);

        await Reconcile.HandleAsync(default);

        Assert.False(Assert.Single(await _intake.World.Store.ReadAsync(session => session.Intake.HourCounts(DateTimeOffset.MinValue.AddYears(1), DateTimeOffset.MaxValue.AddYears(-1)), default)).Alerted);
    }
}
