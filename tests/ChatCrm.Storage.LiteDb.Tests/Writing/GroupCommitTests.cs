using ChatCrm.Core.Audit;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Writing;

public sealed class GroupCommitTests : IDisposable
{
    private static readonly LeadQuery AllLeads = new() { IncludeClosed = true, Limit = int.MaxValue };

    private readonly StoreFolder _folder = new();
    private readonly WriterGate _gate = new();
    private readonly LiteDbCrmStore _store;

    public GroupCommitTests() => _store = _folder.Open();

    public void Dispose()
    {
        _gate.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Two_hundred_concurrent_units_all_commit()
    {
        var writes = Enumerable.Range(1, 200).Select(i => Task.Run(() => _store.Write(session => CreateLead(session, $"L-{i}"))));

        await Task.WhenAll(writes);

        Assert.Equal(200, await _store.Read(session => session.Leads.Count(AllLeads)));
        Assert.Equal(200, await _store.Read(session => session.Outbox.PendingFor("alice", 1000).Count));
    }

    [Fact]
    public async Task Units_queued_while_the_writer_is_busy_commit_together_in_one_transaction()
    {
        await _gate.HoldAsync(_store);
        var commitsBefore = _store.WriterCounts.Commits;
        var writes = Enumerable.Range(1, 200).Select(i => _store.Write(session => CreateLead(session, $"L-{i}"))).ToList();

        _gate.Release();
        await Task.WhenAll(writes);

        Assert.Equal(commitsBefore + 2, _store.WriterCounts.Commits); // the gate's own, then all 200 at once
    }

    [Fact]
    public async Task A_failing_unit_among_queued_ones_fails_alone_and_the_others_commit()
    {
        var failure = new InvalidOperationException("the use case failed");
        await _gate.HoldAsync(_store);
        var writes = Enumerable.Range(1, 200)
            .Select(i => _store.Write(session =>
            {
                CreateLead(session, $"L-{i}");
                if (i == 100)
                {
                    throw failure;
                }
            }))
            .ToList();

        _gate.Release();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[99]);

        Assert.Same(failure, thrown);
        await Task.WhenAll(writes.Where((_, index) => index != 99));
        Assert.Equal(199, await _store.Read(session => session.Leads.Count(AllLeads)));
        Assert.Null(await _store.Read(session => session.Leads.Find("L-100")));
        Assert.Equal(1, _store.WriterCounts.BatchesRunAlone);
    }

    [Fact]
    public async Task A_unit_that_throws_leaves_nothing_behind()
    {
        var failing = _store.Write(session =>
        {
            CreateLead(session, "L-1");
            session.NextInSequence("lead");
            session.Conversations.TryRecordInbound(new Core.Conversations.InboundMessage("wecom:1", TestLeads.Now));
            session.People.Save(TestLeads.Bob);
            throw new InvalidOperationException("the use case failed");
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var (lead, inbound, bob, dueMessages) = await _store.Read(session => (
            session.Leads.Find("L-1"),
            session.Conversations.FindInbound("wecom:1"),
            session.People.FindUser("bob"),
            session.Outbox.PendingFor("alice", 10)));
        Assert.Null(lead);
        Assert.Null(inbound);
        Assert.Null(bob);
        Assert.Empty(dueMessages);
        Assert.Equal(1, await _store.WriteAsync(session => session.NextInSequence("lead"), CancellationToken.None));
    }

    [Fact]
    public async Task A_unit_cancelled_while_queued_never_runs()
    {
        await _gate.HoldAsync(_store);
        using var cancellation = new CancellationTokenSource();
        var ran = false;
        var cancelled = _store.WriteAsync(
            session =>
            {
                ran = true;
                CreateLead(session, "L-1");
                return true;
            },
            cancellation.Token);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _gate.Release();
        await _store.Write(session => CreateLead(session, "L-2")); // queued after it: the writer has passed it by

        Assert.False(ran);
        Assert.Null(await _store.Read(session => session.Leads.Find("L-1")));
    }

    [Fact]
    public async Task Cancelling_after_the_writer_took_the_unit_does_not_stop_it()
    {
        using var cancellation = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var write = _store.WriteAsync(
            session =>
            {
                entered.SetResult();
                release.Wait(TimeSpan.FromMinutes(1));
                CreateLead(session, "L-1");
                return "done";
            },
            cancellation.Token);
        await entered.Task;

        await cancellation.CancelAsync();
        release.Set();

        Assert.Equal("done", await write);
        Assert.NotNull(await _store.Read(session => session.Leads.Find("L-1")));
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_is_refused()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.WriteAsync(session => true, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_durable_commit_is_in_the_log_file_when_its_caller_is_answered()
    {
        // LiteDB's background log writer made slow, so an answer that did not wait for it would come first.
        using var folder = new StoreFolder();
        using var store = folder.Open(logWriteDelay: TimeSpan.FromMilliseconds(20));
        for (var i = 1; i <= 5; i++)
        {
            await store.Write(session => CreateLead(session, $"L-{i}"));

            // The files as they are at the answer, with no later write of LiteDB's background writer:
            // what a process killed at this moment leaves behind.
            using var copy = new StoreFolder();
            Directory.CreateDirectory(Path.GetDirectoryName(copy.DatabasePath)!);
            File.Copy(folder.DatabasePath, copy.DatabasePath);
            File.Copy(LogPathOf(folder.DatabasePath), LogPathOf(copy.DatabasePath));
            using var reopened = copy.Open();

            Assert.NotNull(await reopened.Read(session => session.Leads.Find($"L-{i}")));
        }

        // Durable without copying the log into the data file each time (that empties LiteDB's page cache).
        Assert.Equal(0, store.WriterCounts.Checkpoints);
    }

    [Fact]
    public async Task The_writer_checkpoints_after_every_n_commits_with_durable_commits_too()
    {
        using var folder = new StoreFolder();
        using var store = folder.Open(checkpointEveryCommits: 3);

        for (var i = 1; i <= 7; i++)
        {
            await store.Write(session => CreateLead(session, $"L-{i}"));
        }

        Assert.Equal(2, store.WriterCounts.Checkpoints);
    }

    [Fact]
    public async Task Without_durable_commits_the_writer_checkpoints_after_every_n_commits()
    {
        using var folder = new StoreFolder();
        using var store = folder.Open(durableCommits: false, checkpointEveryCommits: 3);

        for (var i = 1; i <= 7; i++)
        {
            await store.Write(session => CreateLead(session, $"L-{i}"));
        }

        Assert.Equal(2, store.WriterCounts.Checkpoints);
    }

    [Fact]
    public async Task Without_durable_commits_a_reopened_store_still_finds_what_was_committed()
    {
        using var folder = new StoreFolder();
        using (var store = folder.Open(durableCommits: false))
        {
            await store.Write(session => CreateLead(session, "L-1"));
        }

        using var reopened = folder.Open(durableCommits: false);

        Assert.NotNull(await reopened.Read(session => session.Leads.Find("L-1")));
    }

    [Fact]
    public async Task Batches_never_exceed_the_configured_size()
    {
        using var folder = new StoreFolder();
        using var store = folder.Open(maxBatchSize: 10);
        var gate = new WriterGate();
        await gate.HoldAsync(store);
        var commitsBefore = store.WriterCounts.Commits;
        var writes = Enumerable.Range(1, 25).Select(i => store.Write(session => CreateLead(session, $"L-{i}"))).ToList();

        gate.Release();
        await Task.WhenAll(writes);
        gate.Dispose();

        Assert.Equal(commitsBefore + 1 + 3, store.WriterCounts.Commits); // the gate's, then 10 + 10 + 5
    }

    private static string LogPathOf(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    private static void CreateLead(ICrmSession session, string number)
    {
        var lead = TestLeads.Create(number);
        session.Leads.Insert(lead);
        session.FollowUps.Insert(new FollowUp(Guid.NewGuid(), number, "alice", ContactChannel.Call, null, "called", TestLeads.Now, null, null));
        session.Audit.Append(new AuditEntry(Guid.NewGuid(), TestLeads.Now, "alice", "webchat", null, "lead.create", number, null, lead.ToSnapshot(), null));
        session.Outbox.Enqueue(OutboxMessage.New(Guid.NewGuid(), "alice", new Notice("lead.created", new Dictionary<string, string> { ["lead"] = number }), TestLeads.Now));
    }
}
