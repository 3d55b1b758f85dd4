using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>
/// Counts intake requests per source and hour in the store. Every request that reached a source is
/// counted "received" and gets one outcome: accepted, duplicate or replayed (counted by
/// <see cref="TakeIntakeLead"/> in the lead's own transaction) or rejected (counted here). The
/// endpoint meets a request with <see cref="ArriveAsync"/>, which only reads, and "received" is
/// counted in the same write as the outcome, or by <see cref="FailedAsync"/> without one when
/// handling throws: a received request with no outcome failed in between, which the reconciliation
/// (<see cref="ReconcileIntake"/>) finds and tells the admins. (Counting at the door in a write of
/// its own, <see cref="ReceivedAsync"/>, also catches a process dying mid-request, but costs every
/// request a second durable write; such a request got no 201, so its sender sends it again.)
/// </summary>
public sealed class IntakeTally(ICrmStore store, TimeProvider clock)
{
    /// <summary>The request's source, with "received" left to its outcome's write; null when there is no such source.</summary>
    public Task<IntakeArrival?> ArriveAsync(string sourceKey, CancellationToken cancellationToken)
    {
        if (!IntakeSource.IsValidKey(sourceKey))
        {
            return Task.FromResult<IntakeArrival?>(null);
        }

        var now = clock.GetUtcNow();
        return store.ReadAsync(session =>
            session.Intake.FindSource(sourceKey) is { } source ? new IntakeArrival(source, now, Counted: false) : null, cancellationToken);
    }

    /// <summary>Counts a request for the source in a write of its own; null (and nothing counted) when there is no such source.</summary>
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
        store.WriteAsync(session =>
        {
            CountReceived(session, arrival);
            return Reject(session, arrival, reason, clock.GetUtcNow());
        }, cancellationToken);

    /// <summary>Keeps why a request failed after the door as the source's last error; counts no outcome, so the gap shows.</summary>
    public Task FailedAsync(IntakeArrival arrival, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            CountReceived(session, arrival);
            if (session.Intake.FindSource(arrival.Source.Key) is { } source)
            {
                source.RecordError(reason, now);
                session.Intake.SaveSource(source);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Counts "received" for an arrival not counted at the door, inside the write that settles it.</summary>
    internal static void CountReceived(ICrmSession session, IntakeArrival arrival)
    {
        if (!arrival.Counted)
        {
            session.Intake.Count(arrival.Source.Key, IntakeHourCount.HourOf(arrival.ReceivedAt), IntakeOutcome.Received);
        }
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
