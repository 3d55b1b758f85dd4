using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>
/// The outbox's side of sending channel deliveries: hands out the ones that are due and records
/// what each attempt came to — delivered, retried with backoff (or when the platform asked), or
/// dead-lettered for an admin to see and replay (<see cref="ReviewDeadLetters"/>). All state is in the store, so a crash or a
/// restart loses nothing; the worst it does is send a message a second time (at least once).
/// </summary>
public sealed class DispatchOutbox(ICrmStore store, TimeProvider clock)
{
    /// <summary>Attempts before a delivery is dead-lettered: about half an hour of backoff.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The wait after the first failed attempt; it doubles with each further one.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts, jitter included.</summary>
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a delivery handed out by <see cref="DueAsync"/> is kept from being handed out again.
    /// Longer than one send with its quick retries, so no second dispatcher (or the next tick) sends
    /// it meanwhile; short enough that a crash mid-send delays it by minutes, not hours.
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    // Spreads the retries of messages that failed together (a platform outage), so they do not all
    // come back in the same second when it ends.
    private const double Jitter = 0.2;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, oldest first: each is pushed
    /// <see cref="ClaimFor"/> into the future in the same transaction, so it is handed out once
    /// until its attempt is recorded (or the claim runs out after a crash).
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = clock.GetUtcNow();
        // The dispatcher asks several times a second: look before taking the writer (and a durable commit) for nothing.
        if ((await store.ReadAsync(session => session.Outbox.Due(now, 1), cancellationToken)).Count == 0)
        {
            return [];
        }

        return await store.WriteAsync<IReadOnlyList<OutboxMessage>>(session =>
        {
            var due = session.Outbox.Due(now, limit);
            var sending = new List<OutboxMessage>(due.Count);
            foreach (var message in due)
            {
                // Rendered before its recipient was offboarded: not sent now.
                if (session.People.FindUser(message.RecipientKey) is { IsActive: false })
                {
                    session.Outbox.Update(message with { State = OutboxState.DeadLettered, NextAttemptAt = now, LastError = RouteNotices.RecipientDeactivated });
                    continue;
                }

                session.Outbox.Update(message with { NextAttemptAt = now + ClaimFor });
                sending.Add(message);
            }

            return sending;
        }, cancellationToken);
    }

    /// <summary>
    /// Records one attempt to send message <paramref name="id"/>. Does nothing when the message is
    /// unknown or no longer pending (recorded already, or dead-lettered meanwhile), so recording
    /// twice changes nothing. Returns the message as recorded, or null when nothing was recorded.
    /// </summary>
    public Task<OutboxMessage?> RecordAsync(Guid id, DeliveryResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Outbox.Find(id) is not { State: OutboxState.Pending } message)
            {
                return null;
            }

            var recorded = Apply(message, result, now);
            session.Outbox.Update(recorded);
            return recorded;
        }, cancellationToken);
    }

    /// <summary>
    /// The wait after failed attempt number <paramref name="attempts"/> (1-based): 5 s doubling each
    /// time, ±20% jitter, never more than <see cref="LongestRetryDelay"/>. The jitter is drawn from
    /// the message id and the attempt, so it differs between messages yet is the same on every run.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts, Guid messageId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        // 2^7 × 5 s is past the cap already; a bounded exponent keeps the arithmetic finite.
        var exponential = FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        var jittered = exponential * (1 + Jitter * (2 * UnitFraction(messageId, attempts) - 1));
        return jittered < LongestRetryDelay ? jittered : LongestRetryDelay;
    }

    private static OutboxMessage Apply(OutboxMessage message, DeliveryResult result, DateTimeOffset now)
    {
        var attempts = message.Attempts + 1;
        return result switch
        {
            DeliverySent => message with { State = OutboxState.Delivered, DeliveredAt = now, Attempts = attempts, NextAttemptAt = now },
            DeliveryRejected rejected => message with { State = OutboxState.DeadLettered, Attempts = attempts, LastError = rejected.Reason, NextAttemptAt = now },
            DeliveryRetryLater retry when attempts >= MaxAttempts =>
                message with { State = OutboxState.DeadLettered, Attempts = attempts, LastError = retry.Reason, NextAttemptAt = now },
            DeliveryRetryLater retry => message with
            {
                Attempts = attempts,
                LastError = retry.Reason,
                // The platform's own Retry-After wins over our backoff, however long it is.
                NextAttemptAt = now + (retry.After is { } after ? TimeSpan.FromTicks(Math.Max(0, after.Ticks)) : RetryDelay(attempts, message.Id)),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown delivery result."),
        };
    }

    // A stable pseudo-random number in [0, 1] (not string.GetHashCode, which changes per process).
    private static double UnitFraction(Guid messageId, int attempts)
    {
        Span<byte> bytes = stackalloc byte[16];
        messageId.TryWriteBytes(bytes);
        var mixed = BitConverter.ToUInt64(bytes[..8]) ^ BitConverter.ToUInt64(bytes[8..]) ^ ((ulong)attempts * 0x9E3779B97F4A7C15UL);
        // SplitMix64 finaliser: neighbouring ids and attempts land far apart.
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        mixed ^= mixed >> 31;
        return (mixed >> 11) / (double)(1UL << 53);
    }
}
