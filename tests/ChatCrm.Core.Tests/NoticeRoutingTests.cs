using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

/// <summary>Notices handed over to a person's chat with the bot, and the chats remembered for it.</summary>
public sealed class NoticeRoutingTests : IDisposable
{
    private static readonly User AliceOnTeams = Alice with { Identities = [new ChannelIdentity("teams", "aad-alice")] };

    private readonly CrmWorld _world = new();

    public NoticeRoutingTests() =>
        _world.Store.WriteAsync(session =>
        {
            session.People.Save(AliceOnTeams);
            return true;
        }, default).GetAwaiter().GetResult();

    public void Dispose() => _world.Dispose();

    private RouteNotices Route => new(_world.Store, _world.Clock);

    private RememberPersonalChannel Remember => new(_world.Store, _world.Clock);

    private static Delivery TeamsDelivery => new("teams", "{\"to\":\"alice\"}", "{\"type\":\"message\"}");

    [Fact]
    public async Task A_notice_is_due_with_the_recipient_and_their_chats()
    {
        await Remember.HandleAsync("teams", "aad-alice", "group-address", isDirect: false, default);
        await NoticeForAliceAsync();

        var due = Assert.Single(await Route.DueAsync(10, default));

        Assert.Equal("alice", due.Recipient!.Key);
        Assert.Equal("group-address", Assert.Single(due.Channels).Address);
    }

    [Fact]
    public async Task Handing_over_marks_the_notice_delivered_and_queues_the_delivery_once()
    {
        var id = await NoticeForAliceAsync();

        Assert.True(await Route.HandOverAsync(id, TeamsDelivery, default));
        Assert.False(await Route.HandOverAsync(id, TeamsDelivery, default));

        var queued = Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.Due(_world.Clock.GetUtcNow(), 10), default));
        Assert.Equal("alice", queued.RecipientKey);
        Assert.Equal(TeamsDelivery, queued.Delivery);
        Assert.Equal(OutboxState.Delivered, (await _world.Store.ReadAsync(session => session.Outbox.Find(id), default))!.State);
        Assert.Empty(await Route.DueAsync(10, default));
        Assert.Empty(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }

    [Fact]
    public async Task A_notice_the_web_chat_took_first_is_not_handed_over()
    {
        var id = await NoticeForAliceAsync();
        await new TakeUndelivered(_world.Store, _world.Clock).HandleAsync("alice", default);

        Assert.False(await Route.HandOverAsync(id, TeamsDelivery, default));
        Assert.Empty(await _world.Store.ReadAsync(session => session.Outbox.Due(_world.Clock.GetUtcNow(), 10), default));
    }

    [Fact]
    public async Task A_deferred_notice_stays_pending_for_the_inbox_and_comes_back_minutes_later()
    {
        var id = await NoticeForAliceAsync();

        await Route.DeferAsync(id, "no chat yet", default);

        Assert.Empty(await Route.DueAsync(10, default));
        Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
        _world.Clock.Advance(RouteNotices.RetryUnreachableAfter);
        Assert.Equal("no chat yet", Assert.Single(await Route.DueAsync(10, default)).Message.LastError);
    }

    [Fact]
    public async Task A_direct_chat_is_not_replaced_by_a_group_chat_reference()
    {
        Assert.True(await Remember.HandleAsync("teams", "aad-alice", "direct", isDirect: true, default));

        Assert.False(await Remember.HandleAsync("teams", "aad-alice", "group", isDirect: false, default));

        var kept = await _world.Store.ReadAsync(session => session.Conversations.FindPersonalChannel("alice", "teams"), default);
        Assert.Equal("direct", kept!.Address);
        Assert.True(kept.IsDirect);
    }

    [Fact]
    public async Task An_unchanged_chat_is_written_again_only_after_a_day()
    {
        Assert.True(await Remember.HandleAsync("teams", "aad-alice", "direct", isDirect: true, default));
        _world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await Remember.HandleAsync("teams", "aad-alice", "direct", isDirect: true, default));
        Assert.True(await Remember.HandleAsync("teams", "aad-alice", "direct-2", isDirect: true, default));
        _world.Clock.Advance(RememberPersonalChannel.RefreshAfter);

        Assert.True(await Remember.HandleAsync("teams", "aad-alice", "direct-2", isDirect: true, default));
        var kept = await _world.Store.ReadAsync(session => session.Conversations.FindPersonalChannel("alice", "teams"), default);
        Assert.Equal(_world.Clock.GetUtcNow(), kept!.SeenAt);
    }

    [Fact]
    public async Task A_stranger_is_not_remembered_and_a_removed_app_is_forgotten()
    {
        Assert.False(await Remember.HandleAsync("teams", "aad-stranger", "direct", isDirect: true, default));
        await Remember.HandleAsync("teams", "aad-alice", "direct", isDirect: true, default);

        Assert.True(await Remember.ForgetAsync("teams", "aad-alice", default));

        Assert.Empty(await _world.Store.ReadAsync(session => session.Conversations.PersonalChannelsOf("alice"), default));
        Assert.False(await Remember.ForgetAsync("teams", "aad-alice", default));
    }

    private Task<Guid> NoticeForAliceAsync() =>
        _world.Store.WriteAsync(session =>
        {
            var message = OutboxMessage.New(Guid.CreateVersion7(), "alice", new Notice(Notices.ReminderDue, new Dictionary<string, string> { ["text"] = "call" }), _world.Clock.GetUtcNow());
            session.Outbox.Enqueue(message);
            return message.Id;
        }, default);
}
