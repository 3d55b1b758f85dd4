using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

/// <summary>People's chats with the bot, and the notices waiting to be routed to them.</summary>
public sealed class PersonalChannelTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Chats_are_kept_one_per_platform_and_listed_most_recent_first()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Conversations.SavePersonalChannel(new PersonalChannel("alice", "teams", "t-1", false, Now));
            session.Conversations.SavePersonalChannel(new PersonalChannel("alice", "wecom", "w-1", true, Now.AddHours(1)));
            session.Conversations.SavePersonalChannel(new PersonalChannel("alice", "teams", "t-2", true, Now.AddHours(2)));
            session.Conversations.SavePersonalChannel(new PersonalChannel("bob", "teams", "b-1", true, Now));
        });

        var alice = await store.Read(session => session.Conversations.PersonalChannelsOf("alice"));

        Assert.Equal(["teams:t-2", "wecom:w-1"], alice.Select(chat => $"{chat.Channel}:{chat.Address}"));
        Assert.Equal(new PersonalChannel("alice", "teams", "t-2", true, Now.AddHours(2)), alice[0]);
        Assert.True(await store.WriteAsync(session => session.Conversations.RemovePersonalChannel("alice", "teams"), default));
        Assert.Null(await store.Read(session => session.Conversations.FindPersonalChannel("alice", "teams")));
        Assert.False(await store.WriteAsync(session => session.Conversations.RemovePersonalChannel("alice", "teams"), default));
    }

    [Fact]
    public async Task The_address_is_kept_only_as_the_protector_keeps_it()
    {
        var protector = new ScramblingProtector();
        const string address = "{\"conversationId\":\"a:1AliceSecretChat\"}";
        using (var store = _folder.Open(protector: protector))
        {
            await store.Write(session => session.Conversations.SavePersonalChannel(new PersonalChannel("alice", "teams", address, true, Now)));
            Assert.Equal(address, (await store.Read(session => session.Conversations.FindPersonalChannel("alice", "teams")))!.Address);
        }

        Assert.DoesNotContain("1AliceSecretChat", await File.ReadAllTextAsync(_folder.DatabasePath));
    }

    [Fact]
    public async Task Notices_due_for_routing_are_pending_notices_only_oldest_first()
    {
        using var store = _folder.Open();
        var notice = new Notice(Notices.ReminderDue, new Dictionary<string, string>());
        var later = OutboxMessage.New(Guid.NewGuid(), "bob", notice, Now.AddMinutes(1));
        var first = OutboxMessage.New(Guid.NewGuid(), "alice", notice, Now);
        var deferred = OutboxMessage.New(Guid.NewGuid(), "carol", notice, Now) with { NextAttemptAt = Now.AddMinutes(10) };
        var delivered = OutboxMessage.New(Guid.NewGuid(), "dave", notice, Now) with { State = OutboxState.Delivered };
        var delivery = OutboxMessage.Send(Guid.NewGuid(), "alice", new Delivery("teams", "{}", "{}"), Now);
        await store.Write(session =>
        {
            foreach (var message in new[] { later, first, deferred, delivered, delivery })
            {
                session.Outbox.Enqueue(message);
            }
        });

        var due = await store.Read(session => session.Outbox.NoticesDue(Now.AddMinutes(5), 10));

        Assert.Equal([first.Id, later.Id], due.Select(message => message.Id));
        Assert.Equal([delivery.Id], (await store.Read(session => session.Outbox.Due(Now.AddMinutes(5), 10))).Select(message => message.Id));
    }
}
