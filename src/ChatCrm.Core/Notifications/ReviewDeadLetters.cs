using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>
/// What an admin does with messages that could not be sent: look at them (newest first, with the
/// platform's last answer) and, once the cause is fixed, put one back in line with fresh attempts.
/// Admins only; a replay is audited.
/// </summary>
public sealed class ReviewDeadLetters(ICrmStore store, TimeProvider clock)
{
    public const int PageSize = 10;

    /// <summary>Enough of an id to name a message in chat: its first characters, as the list shows them.</summary>
    public const int ShortIdLength = 8;

    // Fewer characters would too easily name another message than the one meant.
    private const int MinimumReferenceLength = 4;

    /// <summary>An id as the list shows it and <see cref="ReplayAsync"/> accepts it.</summary>
    public static string ShortId(Guid id) => id.ToString("N")[..ShortIdLength];

    public async Task<Result<IReadOnlyList<OutboxMessage>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted(AuditActions.ReplayMessage, null);
        }

        return Result<IReadOnlyList<OutboxMessage>>.Success(await store.ReadAsync(session => session.Outbox.DeadLetters(PageSize), cancellationToken));
    }

    /// <summary>
    /// Puts the dead letter named by <paramref name="reference"/> (its id, or the start of it as
    /// listed) back in line, due now, with its attempts reset. The last error stays until the next
    /// attempt replaces it.
    /// </summary>
    public async Task<Result<OutboxMessage>> ReplayAsync(Actor actor, string? reference, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted(AuditActions.ReplayMessage, null);
        }

        var wanted = reference?.Trim().TrimStart('#').Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (string.IsNullOrEmpty(wanted))
        {
            return new MissingValue("message");
        }

        var now = clock.GetUtcNow();
        return await store.WriteAsync<Result<OutboxMessage>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            // Dead letters are few and an admin names one from the list: match among them only.
            var matches = session.Outbox.DeadLetters(int.MaxValue).Where(message => message.Id.ToString("N").StartsWith(wanted, StringComparison.Ordinal)).Take(2).ToList();
            if (matches.Count != 1 || wanted.Length < MinimumReferenceLength)
            {
                return new InvalidValue("message", reference);
            }

            var replayed = matches[0] with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = now };
            session.Outbox.Update(replayed);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.ReplayMessage, now, null, null, null, replayed.Id.ToString()));
            return Result<OutboxMessage>.Success(replayed);
        }, cancellationToken);
    }
}
