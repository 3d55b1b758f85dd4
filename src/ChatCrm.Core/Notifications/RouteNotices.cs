using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>A notice waiting to be routed, with whom it is for and where they can be reached.</summary>
/// <param name="Recipient">Null when the user no longer exists.</param>
/// <param name="Channels">The recipient's chats with the bot, most recently seen first.</param>
public sealed record NoticeToRoute(OutboxMessage Message, User? Recipient, IReadOnlyList<PersonalChannel> Channels);

/// <summary>
/// Turns notices into channel deliveries: each notice for a person who has a chat with the bot is
/// handed over, in one transaction, as a rendered delivery the dispatcher sends with retries. A
/// person with no such chat yet keeps the notice pending (the web chat inbox can still take it) and
/// it is looked at again every <see cref="RetryUnreachableAfter"/>, so installing the bot later
/// still brings it.
/// </summary>
public sealed class RouteNotices(ICrmStore store, TimeProvider clock)
{
    public static readonly TimeSpan RetryUnreachableAfter = TimeSpan.FromMinutes(5);

    /// <summary>Notices due for routing, oldest first, with their recipients' chats.</summary>
    public Task<IReadOnlyList<NoticeToRoute>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = clock.GetUtcNow();
        return store.ReadAsync<IReadOnlyList<NoticeToRoute>>(session =>
        [
            .. session.Outbox.NoticesDue(now, limit).Select(message => new NoticeToRoute(
                message,
                session.People.FindUser(message.RecipientKey),
                session.Conversations.PersonalChannelsOf(message.RecipientKey))),
        ], cancellationToken);
    }

    /// <summary>
    /// Replaces notice <paramref name="noticeId"/> by <paramref name="delivery"/>: the notice is
    /// marked delivered (handed over) and the delivery queued in the same transaction, so it is
    /// sent once. False when the notice is gone or was taken meanwhile (by the web chat inbox).
    /// </summary>
    public Task<bool> HandOverAsync(Guid noticeId, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Outbox.Find(noticeId) is not { State: OutboxState.Pending, Notice: not null } notice)
            {
                return false;
            }

            session.Outbox.Update(notice with { State = OutboxState.Delivered, DeliveredAt = now, Attempts = notice.Attempts + 1, LastError = null });
            session.Outbox.Enqueue(OutboxMessage.Send(Guid.CreateVersion7(now), notice.RecipientKey, delivery, now));
            return true;
        }, cancellationToken);
    }

    /// <summary>Looks at the notice again later: its recipient has no chat with the bot yet, or rendering failed.</summary>
    public Task DeferAsync(Guid noticeId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Outbox.Find(noticeId) is { State: OutboxState.Pending } notice)
            {
                session.Outbox.Update(notice with { NextAttemptAt = now + RetryUnreachableAfter, LastError = reason });
            }

            return true;
        }, cancellationToken);
    }
}
