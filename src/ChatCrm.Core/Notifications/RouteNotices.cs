using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Preferences;
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
/// still brings it. A notice that can wait (<see cref="Notices.IsUrgent"/>) and falls in its
/// recipient's quiet hours is held, never dropped, until they end, and then goes out in the order
/// the notices were written; the web chat inbox, which the person opens themselves, is not held.
/// </summary>
public sealed class RouteNotices(ICrmStore store, TimeProvider clock, CrmSettings? settings = null)
{
    public static readonly TimeSpan RetryUnreachableAfter = TimeSpan.FromMinutes(5);

    /// <summary>Why a message to an offboarded person was not sent.</summary>
    public const string RecipientDeactivated = "The recipient was deactivated.";

    private readonly CrmSettings _settings = settings ?? CrmSettings.Default;

    /// <summary>
    /// Notices due for routing, oldest first, with their recipients' chats. Those that must wait
    /// for their recipient's quiet hours to end are held (in the store) and not returned.
    /// </summary>
    public async Task<IReadOnlyList<NoticeToRoute>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = clock.GetUtcNow();
        var (ready, held, dropped) = await store.ReadAsync(session =>
        {
            var ready = new List<NoticeToRoute>();
            var held = new List<(Guid Id, DateTimeOffset Until)>();
            var dropped = new List<Guid>();
            var quiet = new QuietHoursBook(session, _settings);
            foreach (var message in session.Outbox.NoticesDue(now, limit))
            {
                var recipient = session.People.FindUser(message.RecipientKey);
                if (recipient is { IsActive: false })
                {
                    dropped.Add(message.Id);
                    continue;
                }

                if (message.Notice is { } notice && !Notices.IsUrgent(notice.Kind) && recipient is not null && quiet.EndOf(recipient, now) is { } until)
                {
                    held.Add((message.Id, until));
                    continue;
                }

                ready.Add(new NoticeToRoute(message, recipient, session.Conversations.PersonalChannelsOf(message.RecipientKey)));
            }

            return (ready, held, dropped);
        }, cancellationToken);
        if (dropped.Count > 0)
        {
            await DropAsync(dropped, now, cancellationToken);
        }

        if (held.Count > 0)
        {
            await HoldAsync(held, now, cancellationToken);
        }

        // Notices held through the same quiet hours come due at the same moment: the order they were written breaks the tie.
        return [.. ready.OrderBy(due => due.Message.NextAttemptAt).ThenBy(due => due.Message.CreatedAt).ThenBy(due => due.Message.Id)];
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

    /// <summary>Notices for an offboarded person are never sent: dead-lettered, so an admin sees them and can replay after a reactivation.</summary>
    private Task DropAsync(IReadOnlyList<Guid> dropped, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(session =>
        {
            foreach (var id in dropped)
            {
                if (session.Outbox.Find(id) is { State: OutboxState.Pending } notice)
                {
                    session.Outbox.Update(notice with { State = OutboxState.DeadLettered, NextAttemptAt = now, LastError = RecipientDeactivated });
                }
            }

            return true;
        }, cancellationToken);

    private Task HoldAsync(IReadOnlyList<(Guid Id, DateTimeOffset Until)> held, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync(session =>
        {
            foreach (var (id, until) in held)
            {
                // Taken by the web chat inbox, or routed by another instance, meanwhile: leave it.
                if (session.Outbox.Find(id) is { State: OutboxState.Pending, Notice: not null } notice && notice.NextAttemptAt <= now)
                {
                    session.Outbox.Update(notice with { NextAttemptAt = until, LastError = "Held for the recipient's quiet hours." });
                }
            }

            return true;
        }, cancellationToken);
}
