using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>
/// Counts intake requests per source and hour in the store. <see cref="ReceivedAsync"/> counts a
/// request at the door, in a write of its own, before its body is read or anything else can fail:
/// "received" is what reached us. Every request then gets one outcome: accepted, duplicate or
/// replayed (counted by <see cref="TakeIntakeLead"/> in the lead's own transaction) or rejected
/// (counted here). A received request with no outcome failed in between, which the reconciliation
/// (<see cref="ReconcileIntake"/>) finds and tells the admins.
/// </summary>
public sealed class IntakeTally(ICrmStore store, TimeProvider clock)
{
    /// <summary>Counts a request for the source; null (and nothing counted) when there is no such source.</summary>
    public Task<IntakeArrival?> ReceivedAsync(string sourceKey, CancellationToken cancellationToken)
    {
        if (!IntakeSource.IsValidKey(sourceKey))
        {
            return Task.FromResult<IntakeArrival?>(null);
        }

        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Intake.FindSource(sourceKey) is not { } source)
            {
                return null;
            }

            session.Intake.Count(source.Key, IntakeHourCount.HourOf(now), IntakeOutcome.Received);
            return new IntakeArrival(source, now);
        }, cancellationToken);
    }

    /// <summary>Counts a refused request and keeps why as the source's last error.</summary>
    /// <param name="reason">Why, for admins: never a value the sender gave (it may be personal).</param>
    public Task RejectedAsync(IntakeArrival arrival, string reason, CancellationToken cancellationToken) =>
        store.WriteAsync(session => Reject(session, arrival, reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>Keeps why a request failed after the door as the source's last error; counts no outcome, so the gap shows.</summary>
    public Task FailedAsync(IntakeArrival arrival, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Intake.FindSource(arrival.Source.Key) is { } source)
            {
                source.RecordError(reason, now);
                session.Intake.SaveSource(source);
            }

            return true;
        }, cancellationToken);
    }

    internal static bool Reject(ICrmSession session, IntakeArrival arrival, string reason, DateTimeOffset now)
    {
        session.Intake.Count(arrival.Source.Key, IntakeHourCount.HourOf(arrival.ReceivedAt), IntakeOutcome.Rejected);
        if (session.Intake.FindSource(arrival.Source.Key) is { } source)
        {
            source.RecordError(reason, now);
            session.Intake.SaveSource(source);
        }

        return true;
    }
}
