using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Reminders;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class FollowUpAndReminderTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public FollowUpAndReminderTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Follow_up_comes_back_with_every_field_and_offset()
    {
        var followUp = new FollowUp(
            Guid.NewGuid(), "L-1", "alice", ContactChannel.Call, Interest.High, "打了电话,很感兴趣",
            Now, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(-3.5)), "webchat:alice:c1");
        await _store.Write(session => session.FollowUps.Insert(followUp));

        var loaded = await _store.Read(session => session.FollowUps.Find(followUp.Id));

        Assert.Equal(followUp, loaded);
        Exactly.Equal(followUp.NextAt, loaded!.NextAt);
        Exactly.Equal(followUp.At, loaded.At);
    }

    [Fact]
    public async Task Follow_up_without_channel_interest_or_next_date_comes_back_with_nulls()
    {
        var followUp = new FollowUp(Guid.NewGuid(), "L-1", "alice", null, null, "聊了聊", Now, null, null);
        await _store.Write(session => session.FollowUps.Insert(followUp));

        Assert.Equal(followUp, await _store.Read(session => session.FollowUps.Find(followUp.Id)));
    }

    [Fact]
    public async Task Follow_ups_of_a_lead_are_listed_newest_first_up_to_the_limit()
    {
        var oldest = FollowUpOf("L-1", Now.AddDays(-3));
        var middle = FollowUpOf("L-1", Now.AddDays(-2));
        var newest = FollowUpOf("L-1", Now.AddDays(-1));
        await _store.Write(session =>
        {
            session.FollowUps.Insert(middle);
            session.FollowUps.Insert(FollowUpOf("L-2", Now));
            session.FollowUps.Insert(newest);
            session.FollowUps.Insert(oldest);
        });

        var listed = await _store.Read(session => session.FollowUps.ListForLead("L-1", 2));

        Assert.Equal([newest.Id, middle.Id], listed.Select(followUp => followUp.Id));
    }

    [Fact]
    public async Task Deleted_follow_up_is_gone()
    {
        var followUp = FollowUpOf("L-1", Now);
        await _store.Write(session => session.FollowUps.Insert(followUp));

        await _store.Write(session => session.FollowUps.Delete(followUp.Id));

        Assert.Null(await _store.Read(session => session.FollowUps.Find(followUp.Id)));
    }

    [Fact]
    public async Task Reminder_comes_back_with_every_field_and_offset()
    {
        var reminder = new Reminder(Guid.NewGuid(), "alice", Now.AddDays(1), "给王总打电话", "L-1", ReminderState.Pending, Now);
        await _store.Write(session => session.Reminders.Insert(reminder));

        var loaded = await _store.Read(session => session.Reminders.Find(reminder.Id));

        Assert.Equal(reminder, loaded);
        Exactly.Equal(reminder.DueAt, loaded!.DueAt);
    }

    [Fact]
    public async Task Due_reminders_are_the_pending_ones_due_by_the_moment_earliest_first()
    {
        var dueEarlier = ReminderOf("alice", Now.AddHours(-2));
        var dueExactlyNow = ReminderOf("bob", Now);
        var dueLater = ReminderOf("alice", Now.AddMinutes(1));
        var delivered = ReminderOf("alice", Now.AddHours(-3)) with { State = ReminderState.Delivered };
        await _store.Write(session =>
        {
            foreach (var reminder in new[] { dueExactlyNow, dueLater, delivered, dueEarlier })
            {
                session.Reminders.Insert(reminder);
            }
        });

        var due = await _store.Read(session => session.Reminders.DueBy(Now, 10));

        Assert.Equal([dueEarlier.Id, dueExactlyNow.Id], due.Select(reminder => reminder.Id));
    }

    [Fact]
    public async Task Reminder_updated_to_done_is_no_longer_due_or_pending()
    {
        var reminder = ReminderOf("alice", Now.AddHours(-1));
        await _store.Write(session => session.Reminders.Insert(reminder));

        await _store.Write(session => session.Reminders.Update(reminder with { State = ReminderState.Done }));

        Assert.Empty(await _store.Read(session => session.Reminders.DueBy(Now, 10)));
        Assert.Empty(await _store.Read(session => session.Reminders.PendingFor("alice", 10)));
    }

    [Fact]
    public async Task A_persons_pending_reminders_are_listed_earliest_first_up_to_the_limit()
    {
        var third = ReminderOf("alice", Now.AddDays(3));
        var first = ReminderOf("alice", Now.AddDays(1));
        var second = ReminderOf("alice", Now.AddDays(2));
        await _store.Write(session =>
        {
            foreach (var reminder in new[] { third, ReminderOf("bob", Now), first, second, ReminderOf("alice", Now) with { State = ReminderState.Cancelled } })
            {
                session.Reminders.Insert(reminder);
            }
        });

        var pending = await _store.Read(session => session.Reminders.PendingFor("alice", 2));

        Assert.Equal([first.Id, second.Id], pending.Select(reminder => reminder.Id));
    }

    private static FollowUp FollowUpOf(string leadNumber, DateTimeOffset at) =>
        new(Guid.NewGuid(), leadNumber, "alice", ContactChannel.WeChat, Interest.Medium, "聊了聊", at, null, null);

    private static Reminder ReminderOf(string ownerKey, DateTimeOffset dueAt) =>
        new(Guid.NewGuid(), ownerKey, dueAt, "跟进", null, ReminderState.Pending, Now.AddDays(-7));
}
