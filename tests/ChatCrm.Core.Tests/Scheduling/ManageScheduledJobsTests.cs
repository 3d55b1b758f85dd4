using ChatCrm.Core.Audit;
using ChatCrm.Core.Scheduling;

namespace ChatCrm.Core.Tests.Scheduling;

public sealed class ManageScheduledJobsTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly SchedulerStandIn _scheduler = new();

    public void Dispose() => _world.Dispose();

    private ManageScheduledJobs Jobs => new(_world.Store, _scheduler, _world.Clock);

    [Fact]
    public async Task A_pause_is_stored_audited_and_passed_to_the_scheduler()
    {
        var paused = await Jobs.SwitchAsync(CrmWorld.As(CrmWorld.Admin, inbound: "m1"), "Housekeeping", pause: true, default);

        Assert.Equal(new JobChanged("housekeeping", JobChange.Paused, null), paused.Value);
        Assert.Equal(new JobState("housekeeping", true, "admin", _world.Clock.GetUtcNow()), await _world.Store.ReadAsync(session => session.Jobs.FindState("housekeeping"), default));
        Assert.Equal(["pause housekeeping"], _scheduler.Asked);
        Assert.Equal(("job.pause", "housekeeping"), await LastAuditAsync());
    }

    [Fact]
    public async Task A_retried_message_pauses_once()
    {
        await Jobs.SwitchAsync(CrmWorld.As(CrmWorld.Admin, inbound: "m1"), "housekeeping", pause: true, default);

        var retried = await Jobs.SwitchAsync(CrmWorld.As(CrmWorld.Admin, inbound: "m1"), "housekeeping", pause: true, default);

        Assert.IsType<AlreadyHandled>(retried.Error);
        Assert.Equal(["pause housekeeping"], _scheduler.Asked);
    }

    [Fact]
    public async Task Resuming_a_job_that_is_not_paused_changes_nothing()
    {
        var resumed = await Jobs.SwitchAsync(CrmWorld.As(CrmWorld.Admin), "housekeeping", pause: false, default);

        Assert.Equal(new JobAlreadyInState("housekeeping", false), resumed.Error);
        Assert.Empty(_scheduler.Asked);
    }

    [Fact]
    public async Task Run_now_is_audited_and_names_who_asked()
    {
        var run = await Jobs.RunNowAsync(CrmWorld.As(CrmWorld.Admin), "due-reminders", default);

        Assert.Equal(JobChange.RunRequested, run.Value!.Change);
        Assert.Equal(["run due-reminders by admin"], _scheduler.Asked);
        Assert.Equal(("job.run", "due-reminders"), await LastAuditAsync());
    }

    [Fact]
    public async Task An_unknown_name_is_answered_with_the_names_there_are()
    {
        var run = await Jobs.RunNowAsync(CrmWorld.As(CrmWorld.Admin), "nosuch", default);

        var notFound = Assert.IsType<JobNotFound>(run.Error);
        Assert.Equal(["due-reminders", "housekeeping"], notFound.Known);
        Assert.Empty(_scheduler.Asked);
    }

    [Theory]
    [InlineData("salesperson")]
    [InlineData("manager")]
    public async Task Only_admins_may_list_run_or_pause_jobs(string who)
    {
        var actor = CrmWorld.As(who == "manager" ? CrmWorld.Wang : CrmWorld.Alice);

        var results = new CrmError?[]
        {
            (await Jobs.ListAsync(actor, default)).Error,
            (await Jobs.RunNowAsync(actor, "housekeeping", default)).Error,
            (await Jobs.SwitchAsync(actor, "housekeeping", pause: true, default)).Error,
        };

        Assert.All(results, error => Assert.IsType<NotPermitted>(error));
        Assert.Empty(_scheduler.Asked);
    }

    [Fact]
    public async Task The_list_shows_each_jobs_last_run_and_pause()
    {
        var at = _world.Clock.GetUtcNow();
        await _world.Store.WriteAsync(session =>
        {
            session.Jobs.AddRun(new JobRun(Guid.NewGuid(), "housekeeping", at.AddDays(-1), at.AddDays(-1), JobRunOutcome.Succeeded, "older", 1, null, null));
            session.Jobs.AddRun(new JobRun(Guid.NewGuid(), "housekeeping", at, at, JobRunOutcome.Failed, "failed", 0, "boom", "admin"));
            session.Jobs.SaveState(new JobState("due-reminders", true, "admin", at));
            return true;
        }, default);

        var listed = (await Jobs.ListAsync(CrmWorld.As(CrmWorld.Admin), default)).Value!;

        Assert.Equal([("due-reminders", true, null), ("housekeeping", false, "boom")], listed.Select(job => (job.Job.Name, job.Paused, job.LastRun?.Error)));
    }

    [Fact]
    public async Task Undo_after_a_pause_says_there_is_nothing_to_undo_and_the_job_stays_paused()
    {
        await Jobs.SwitchAsync(CrmWorld.As(CrmWorld.Admin), "housekeeping", pause: true, default);

        var undone = await new UndoChange(_world.Store, _world.Clock, _world.Settings).HandleAsync(CrmWorld.As(CrmWorld.Admin), null, default);

        Assert.Equal(new CannotUndo("nothing"), undone.Error);
        Assert.True((await _world.Store.ReadAsync(session => session.Jobs.FindState("housekeeping"), default))!.Paused);
    }

    private Task<(string Action, string? Detail)> LastAuditAsync() => _world.Store.ReadAsync(
        session => session.Audit.RecentBy("admin", null, _world.Clock.GetUtcNow().AddDays(-1), 1).Select(entry => (entry.Action, entry.Detail)).Single(),
        default);
}
