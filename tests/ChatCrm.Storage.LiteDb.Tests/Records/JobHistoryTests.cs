using ChatCrm.Core.Conversations;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Scheduling;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class JobHistoryTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_run_comes_back_whole_across_a_reopen()
    {
        var run = Run("due-reminders", TestLeads.Now, JobRunOutcome.Failed) with { Error = "store away", RunNowBy = "admin" };
        using (var store = _folder.Open())
        {
            await store.Write(session => session.Jobs.AddRun(run));
        }

        using var reopened = _folder.Open();
        var found = Assert.Single(await reopened.Read(session => session.Jobs.RunsOf("due-reminders", 5)));

        Assert.Equal(run, found);
        Exactly.Equal(run.StartedAt, found.StartedAt);
        Exactly.Equal(run.FinishedAt, found.FinishedAt);
    }

    [Fact]
    public async Task A_jobs_runs_are_listed_newest_first_without_another_jobs()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Jobs.AddRun(Run("housekeeping", TestLeads.Now.AddMinutes(1)));
            session.Jobs.AddRun(Run("due-reminders", TestLeads.Now));
            session.Jobs.AddRun(Run("due-reminders", TestLeads.Now.AddMinutes(2)));
            session.Jobs.AddRun(Run("due-reminders", TestLeads.Now.AddMinutes(1)));
        });

        var runs = await store.Read(session => session.Jobs.RunsOf("due-reminders", 2));

        Assert.Equal([TestLeads.Now.AddMinutes(2), TestLeads.Now.AddMinutes(1)], runs.Select(run => run.StartedAt));
    }

    [Fact]
    public async Task Old_runs_are_removed_oldest_first_a_batch_at_a_time()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            for (var day = 0; day < 5; day++)
            {
                session.Jobs.AddRun(Run("due-reminders", TestLeads.Now.AddDays(day)));
            }
        });

        var removed = await store.WriteAsync(session => session.Jobs.RemoveRunsBefore(TestLeads.Now.AddDays(3), limit: 2), default);
        var left = await store.Read(session => session.Jobs.RunsOf("due-reminders", 10));

        Assert.Equal(2, removed);
        Assert.Equal([4, 3, 2], left.Select(run => (run.StartedAt - TestLeads.Now).Days));
    }

    [Fact]
    public async Task A_pause_is_kept_and_changed_by_job_name()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Jobs.SaveState(new JobState("housekeeping", true, "admin", TestLeads.Now));
            session.Jobs.SaveState(new JobState("due-reminders", true, "admin", TestLeads.Now));
            session.Jobs.SaveState(new JobState("due-reminders", false, "admin", TestLeads.Now.AddHours(1)));
        });

        var states = await store.Read(session => session.Jobs.AllStates());

        Assert.Equal([("due-reminders", false), ("housekeeping", true)], states.Select(state => (state.JobName, state.Paused)));
        Assert.Equal(TestLeads.Now.AddHours(1), (await store.Read(session => session.Jobs.FindState("due-reminders")))!.ChangedAt);
    }

    [Fact]
    public async Task Old_idempotency_answers_and_handled_message_ids_are_forgotten_and_recent_ones_kept()
    {
        var answer = new IntakeAnswer("L-20261118-0001", null, null, "offered", null);
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Intake.SaveReceipt(new IntakeReceipt("webform", "old", answer, TestLeads.Now.AddDays(-40)));
            session.Intake.SaveReceipt(new IntakeReceipt("webform", "new", answer, TestLeads.Now));
            session.Conversations.TryRecordInbound(new InboundMessage("teams:old", TestLeads.Now.AddDays(-40)));
            session.Conversations.TryRecordInbound(new InboundMessage("teams:new", TestLeads.Now));
        });

        var removed = await store.WriteAsync(
            session => (session.Intake.RemoveReceiptsBefore(TestLeads.Now.AddDays(-30), 10), session.Conversations.RemoveInboundBefore(TestLeads.Now.AddDays(-30), 10)),
            default);

        Assert.Equal((1, 1), removed);
        Assert.Equal(
            (false, true, false, true),
            await store.Read(session => (
                session.Intake.FindReceipt("webform", "old") is not null,
                session.Intake.FindReceipt("webform", "new") is not null,
                session.Conversations.FindInbound("teams:old") is not null,
                session.Conversations.FindInbound("teams:new") is not null)));
    }

    private static JobRun Run(string job, DateTimeOffset at, JobRunOutcome outcome = JobRunOutcome.Succeeded) =>
        new(Guid.CreateVersion7(at), job, at, at.AddSeconds(1), outcome, "nothing to do", 0, null, null);
}
