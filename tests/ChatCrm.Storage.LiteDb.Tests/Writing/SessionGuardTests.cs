using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Writing;

public sealed class SessionGuardTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private static readonly Dictionary<string, Action<ICrmSession>> WriteCalls = new()
    {
        ["Leads.Insert"] = session => session.Leads.Insert(TestLeads.Create("L-new")),
        ["Leads.Update"] = session => session.Leads.Update(TestLeads.Create("L-1")),
        ["Leads.Delete"] = session => session.Leads.Delete("L-1"),
        ["FollowUps.Insert"] = session => session.FollowUps.Insert(new FollowUp(Guid.NewGuid(), "L-1", "alice", null, null, "x", Now, null, null)),
        ["FollowUps.Delete"] = session => session.FollowUps.Delete(Guid.NewGuid()),
        ["Reminders.Insert"] = session => session.Reminders.Insert(new Reminder(Guid.NewGuid(), "alice", Now, "x", null, ReminderState.Pending, Now)),
        ["Reminders.Update"] = session => session.Reminders.Update(new Reminder(Guid.NewGuid(), "alice", Now, "x", null, ReminderState.Done, Now)),
        ["People.Save(user)"] = session => session.People.Save(TestLeads.Bob),
        ["People.Save(team)"] = session => session.People.Save(new Team("east", "East", "alice")),
        ["Conversations.SaveLink"] = session => session.Conversations.SaveLink(new ConversationLink("c", "L-1", "alice", Now)),
        ["Conversations.RemoveLink"] = session => session.Conversations.RemoveLink("c"),
        ["Conversations.SaveQuestion"] = session => session.Conversations.SaveQuestion(new PendingQuestion("c", "f", "{}", Now)),
        ["Conversations.RemoveQuestion"] = session => session.Conversations.RemoveQuestion("c"),
        ["Conversations.TryRecordInbound"] = session => session.Conversations.TryRecordInbound(new InboundMessage("m", Now)),
        ["Audit.Append"] = session => session.Audit.Append(new AuditEntry(Guid.NewGuid(), Now, "alice", "webchat", null, "x", null, null, null, null)),
        ["Audit.MarkUndone"] = session => session.Audit.MarkUndone(Guid.NewGuid(), Guid.NewGuid()),
        ["Outbox.Enqueue"] = session => session.Outbox.Enqueue(OutboxMessage.New(Guid.NewGuid(), "alice", new Notice("k", new Dictionary<string, string>()), Now)),
        ["Outbox.Update"] = session => session.Outbox.Update(OutboxMessage.New(Guid.NewGuid(), "alice", new Notice("k", new Dictionary<string, string>()), Now)),
        ["LeadAssignments.Save"] = session => session.LeadAssignments.Save(Core.Assignment.LeadAssignment.Matched(
            new Core.Assignment.AssignmentRequest("L-1", "webform", [], Now), Core.Assignment.AssignmentRule.Default, "east", Now, TimeSpan.Zero)),
        ["AssignmentRules.Save"] = session => session.AssignmentRules.Save(Core.Assignment.AssignmentRulebook.Empty),
        ["AssignmentRules.RecordOffered"] = session => session.AssignmentRules.RecordOffered("default", "alice"),
        ["NextInSequence"] = session => session.NextInSequence("s"),
    };

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public SessionGuardTests() => _store = _folder.Open();

    public static TheoryData<string> WriteCallNames => [.. WriteCalls.Keys];

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [MemberData(nameof(WriteCallNames))]
    public async Task A_read_session_refuses_every_write(string call)
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        var read = _store.Read(session =>
        {
            WriteCalls[call](session);
            return true;
        });

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => read);
        Assert.Contains("read-only", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_kept_after_its_unit_ended_is_refused()
    {
        var kept = await _store.WriteAsync(session => session, CancellationToken.None);

        Assert.Throws<InvalidOperationException>(() => kept.Leads.Find("L-1"));
        Assert.Throws<InvalidOperationException>(() => kept.Leads.Insert(TestLeads.Create("L-1")));
    }

    [Fact]
    public async Task A_unit_calling_the_store_from_another_thread_is_refused_and_nothing_commits_on_the_side()
    {
        var failure = await _store.WriteAsync(
            session =>
            {
                Exception? thrown = null;
                var other = new Thread(() => thrown = Record.Exception(() => session.Leads.Insert(TestLeads.Create("L-1"))));
                other.Start();
                other.Join();
                return thrown;
            },
            CancellationToken.None);

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Null(await _store.Read(session => session.Leads.Find("L-1")));
    }

    [Fact]
    public async Task A_unit_starting_another_write_is_refused_instead_of_waiting_forever()
    {
        var nested = _store.WriteAsync(session => _store.WriteAsync(inner => true, CancellationToken.None), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => nested);
    }

    [Fact]
    public async Task A_unit_that_swallows_a_failed_store_call_fails_and_leaves_nothing()
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        var write = _store.Write(session =>
        {
            session.Leads.Insert(TestLeads.Create("L-2"));
            try
            {
                session.Leads.Insert(TestLeads.Create("L-1")); // duplicate: LiteDB rolls its transaction back
            }
            catch (Exception)
            {
                // a careless unit going on as if nothing happened
            }
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => write);
        Assert.Null(await _store.Read(session => session.Leads.Find("L-2")));
    }

    [Fact]
    public async Task After_a_failed_store_call_the_next_call_in_the_unit_is_refused()
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        var write = _store.Write(session =>
        {
            try
            {
                session.Leads.Insert(TestLeads.Create("L-1"));
            }
            catch (Exception)
            {
                // going on regardless
            }

            session.Leads.Insert(TestLeads.Create("L-3"));
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => write);
        Assert.Null(await _store.Read(session => session.Leads.Find("L-3")));
    }
}
