using ChatCrm.Core.Conversations;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class ConversationTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public ConversationTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Link_is_saved_replaced_and_removed_by_conversation()
    {
        await _store.Write(session => session.Conversations.SaveLink(new ConversationLink("webchat:alice:c1", "L-1", "alice", Now)));
        var relinked = new ConversationLink("webchat:alice:c1", "L-2", "alice", Now.AddMinutes(1));

        await _store.Write(session => session.Conversations.SaveLink(relinked));
        var loaded = await _store.Read(session => session.Conversations.FindLink("webchat:alice:c1"));
        await _store.Write(session => session.Conversations.RemoveLink("webchat:alice:c1"));

        Assert.Equal(relinked, loaded);
        Exactly.Equal(relinked.LinkedAt, loaded!.LinkedAt);
        Assert.Null(await _store.Read(session => session.Conversations.FindLink("webchat:alice:c1")));
    }

    [Fact]
    public async Task Pending_question_is_saved_and_removed_by_conversation()
    {
        var question = new PendingQuestion("teams:19:abc", "transferTo", """{"kind":"transfer","lead":"L-1"}""", Now);

        await _store.Write(session => session.Conversations.SaveQuestion(question));
        var loaded = await _store.Read(session => session.Conversations.FindQuestion("teams:19:abc"));
        await _store.Write(session => session.Conversations.RemoveQuestion("teams:19:abc"));

        Assert.Equal(question, loaded);
        Assert.Null(await _store.Read(session => session.Conversations.FindQuestion("teams:19:abc")));
    }

    [Fact]
    public async Task Inbound_message_is_recorded_once_and_a_retry_is_refused()
    {
        var first = await _store.WriteAsync(
            session => session.Conversations.TryRecordInbound(new InboundMessage("wecom:msg-1", Now)), CancellationToken.None);
        var retry = await _store.WriteAsync(
            session => session.Conversations.TryRecordInbound(new InboundMessage("wecom:msg-1", Now.AddSeconds(5))), CancellationToken.None);

        Assert.True(first);
        Assert.False(retry);
        Exactly.Equal(Now, (await _store.Read(session => session.Conversations.FindInbound("wecom:msg-1")))!.ReceivedAt);
    }

    [Fact]
    public async Task Refused_retry_leaves_the_rest_of_its_unit_to_commit()
    {
        await _store.Write(session => session.Conversations.TryRecordInbound(new InboundMessage("wecom:msg-1", Now)));

        await _store.Write(session =>
        {
            session.Conversations.TryRecordInbound(new InboundMessage("wecom:msg-1", Now));
            session.Leads.Insert(TestLeads.Create("L-1"));
        });

        Assert.NotNull(await _store.Read(session => session.Leads.Find("L-1")));
    }
}
