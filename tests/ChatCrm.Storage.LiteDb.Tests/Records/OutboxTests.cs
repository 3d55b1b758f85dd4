using ChatCrm.Core.Notifications;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public OutboxTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Message_comes_back_with_its_notice_arguments_and_state()
    {
        var message = new OutboxMessage(
            Guid.NewGuid(),
            "bob",
            new Notice("lead.transferred", new Dictionary<string, string> { ["lead"] = "L-1", ["from.name"] = "Alice", ["$when"] = "明天 10:00" }),
            Now,
            OutboxState.Delivered,
            2,
            Now.AddMinutes(1),
            "429 Too Many Requests",
            Now.AddMinutes(2));
        await _store.Write(session => session.Outbox.Enqueue(message));

        var loaded = await _store.Read(session => session.Outbox.Find(message.Id));

        Assert.NotNull(loaded);
        Assert.Equal(message with { Notice = loaded.Notice }, loaded);
        Assert.Equal(message.Notice!.Kind, loaded.Notice!.Kind);
        Assert.Equal(message.Notice.Args.OrderBy(arg => arg.Key), loaded.Notice.Args.OrderBy(arg => arg.Key));
        Exactly.Equal(message.DeliveredAt, loaded.DeliveredAt);
    }

    [Fact]
    public async Task Due_messages_are_pending_ones_whose_next_attempt_has_come_oldest_first()
    {
        var retryDue = DeliveryTo("bob", Now.AddMinutes(-5)) with { Attempts = 1, NextAttemptAt = Now };
        var newDue = DeliveryTo("alice", Now.AddMinutes(-1));
        var notYet = DeliveryTo("alice", Now.AddMinutes(-10)) with { Attempts = 3, NextAttemptAt = Now.AddSeconds(1) };
        var delivered = DeliveryTo("alice", Now.AddMinutes(-20)) with { State = OutboxState.Delivered };
        var dead = DeliveryTo("alice", Now.AddMinutes(-30)) with { State = OutboxState.DeadLettered };
        await EnqueueAll(retryDue, notYet, delivered, newDue, dead);

        var due = await _store.Read(session => session.Outbox.Due(Now, 10));

        Assert.Equal([newDue.Id, retryDue.Id], due.Select(message => message.Id));
    }

    [Fact]
    public async Task A_persons_pending_messages_are_listed_oldest_first_up_to_the_limit()
    {
        var oldest = MessageTo("alice", Now.AddMinutes(-3));
        var middle = MessageTo("alice", Now.AddMinutes(-2));
        var newest = MessageTo("alice", Now.AddMinutes(-1));
        var delivered = MessageTo("alice", Now.AddMinutes(-9)) with { State = OutboxState.Delivered };
        await EnqueueAll(newest, MessageTo("bob", Now.AddMinutes(-9)), oldest, delivered, middle);

        var pending = await _store.Read(session => session.Outbox.PendingFor("alice", 2));

        Assert.Equal([oldest.Id, middle.Id], pending.Select(message => message.Id));
    }

    [Fact]
    public async Task Notices_wait_for_the_inbox_and_channel_deliveries_for_the_dispatcher()
    {
        var notice = MessageTo("alice", Now.AddMinutes(-2));
        var delivery = DeliveryTo("alice", Now.AddMinutes(-1));
        await EnqueueAll(notice, delivery);

        var (due, pending, found) = await _store.Read(session => (session.Outbox.Due(Now, 10), session.Outbox.PendingFor("alice", 10), session.Outbox.Find(delivery.Id)));

        Assert.Equal([delivery.Id], due.Select(message => message.Id));
        Assert.Equal([notice.Id], pending.Select(message => message.Id));
        Assert.Equal(delivery.Delivery, found?.Delivery);
        Assert.Null(found?.Notice);
    }

    [Fact]
    public async Task Dead_letters_are_listed_newest_first()
    {
        var older = MessageTo("alice", Now.AddDays(-2)) with { State = OutboxState.DeadLettered };
        var newer = MessageTo("bob", Now.AddDays(-1)) with { State = OutboxState.DeadLettered };
        await EnqueueAll(older, MessageTo("alice", Now), newer);

        var dead = await _store.Read(session => session.Outbox.DeadLetters(10));

        Assert.Equal([newer.Id, older.Id], dead.Select(message => message.Id));
    }

    [Fact]
    public async Task Delivered_message_leaves_the_pending_and_due_lists()
    {
        var message = MessageTo("alice", Now.AddMinutes(-1));
        var delivery = DeliveryTo("alice", Now.AddMinutes(-1));
        await EnqueueAll(message, delivery);

        await _store.Write(session =>
        {
            session.Outbox.Update(message with { State = OutboxState.Delivered, DeliveredAt = Now });
            session.Outbox.Update(delivery with { State = OutboxState.Delivered, DeliveredAt = Now });
        });

        Assert.Empty(await _store.Read(session => session.Outbox.Due(Now, 10)));
        Assert.Empty(await _store.Read(session => session.Outbox.PendingFor("alice", 10)));
    }

    private Task EnqueueAll(params OutboxMessage[] messages) => _store.Write(session =>
    {
        foreach (var message in messages)
        {
            session.Outbox.Enqueue(message);
        }
    });

    private static OutboxMessage DeliveryTo(string recipientKey, DateTimeOffset createdAt) =>
        OutboxMessage.Send(Guid.NewGuid(), recipientKey, new Delivery("teams", """{"conversation":"a:1"}""", """{"type":"message"}"""), createdAt);

    private static OutboxMessage MessageTo(string recipientKey, DateTimeOffset createdAt) =>
        OutboxMessage.New(Guid.NewGuid(), recipientKey, new Notice("reminder.due", new Dictionary<string, string>()), createdAt);
}
