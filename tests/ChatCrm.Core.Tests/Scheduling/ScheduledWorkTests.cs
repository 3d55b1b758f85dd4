using ChatCrm.Core.Conversations;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Scheduling;

namespace ChatCrm.Core.Tests.Scheduling;

/// <summary>The core's scheduled work, run as the scheduler runs it: twice does no harm, and the history stays bounded.</summary>
public sealed class ScheduledWorkTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Due_reminders_run_twice_hand_each_reminder_to_the_outbox_once()
    {
        var set = await new SetReminder(_world.Store, _world.Clock).HandleAsync(CrmWorld.As(CrmWorld.Alice), _world.Clock.GetUtcNow().AddHours(1), "call 王总", null, default);
        Assert.True(set.IsSuccess);
        _world.Clock.Advance(TimeSpan.FromHours(2));
        var deliver = new DeliverDueReminders(_world.Store, _world.Clock);

        var first = await deliver.RunAsync(default);
        var second = await deliver.RunAsync(default);

        Assert.Equal((1, 0), (first.Count, second.Count));
        Assert.Equal("1 due reminders handed to the outbox", first.Summary);
        Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }

    [Fact]
    public async Task Recording_a_run_drops_a_few_runs_older_than_thirty_days()
    {
        var now = _world.Clock.GetUtcNow();
        await _world.Store.WriteAsync(session =>
        {
            for (var i = 0; i < 15; i++)
            {
                session.Jobs.AddRun(Run("due-reminders", now.AddDays(-31).AddMinutes(i)));
            }

            session.Jobs.AddRun(Run("due-reminders", now.AddDays(-29)));
            return true;
        }, default);

        await new RecordJobRun(_world.Store, _world.Clock).HandleAsync(Run("due-reminders", now), default);

        var runs = await _world.Store.ReadAsync(session => session.Jobs.RunsOf("due-reminders", 100), default);
        Assert.Equal(7, runs.Count);
        Assert.Equal([now, now.AddDays(-29)], runs.Take(2).Select(run => run.StartedAt));
    }

    [Fact]
    public async Task Housekeeping_forgets_what_is_older_than_the_retention_and_a_second_run_finds_nothing()
    {
        var now = _world.Clock.GetUtcNow();
        await _world.Store.WriteAsync(session =>
        {
            session.Jobs.AddRun(Run("due-reminders", now.AddDays(-31)));
            session.Jobs.AddRun(Run("due-reminders", now.AddDays(-1)));
            session.Conversations.TryRecordInbound(new InboundMessage("teams:old", now.AddDays(-8)));
            session.Conversations.TryRecordInbound(new InboundMessage("teams:new", now.AddDays(-6)));
            return true;
        }, default);
        var housekeeping = new Housekeeping(_world.Store, _world.Clock, new HousekeepingSettings(TimeSpan.FromDays(7)));

        var first = await housekeeping.RunAsync(default);
        var second = await housekeeping.RunAsync(default);

        Assert.Equal("removed 1 old job runs, 0 intake idempotency answers and 1 handled message ids", first.Summary);
        Assert.Equal(JobOutcome.Nothing, second);
        Assert.Equal(
            (1, false, true),
            await _world.Store.ReadAsync(session => (
                session.Jobs.RunsOf("due-reminders", 10).Count,
                session.Conversations.FindInbound("teams:old") is not null,
                session.Conversations.FindInbound("teams:new") is not null), default));
    }

    private static JobRun Run(string job, DateTimeOffset at) =>
        new(Guid.CreateVersion7(at), job, at, at, JobRunOutcome.Succeeded, "nothing to do", 0, null, null);
}
