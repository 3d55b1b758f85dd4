namespace ChatCrm.Core.Intake;

/// <summary>A request at the door: its source as stored then, and when it came in (its outcome is counted in that hour).</summary>
/// <param name="Counted">
/// True when "received" was counted in a write of its own already; false when it is counted in the
/// same transaction as the request's outcome (or its failure), which saves the store a write per request.
/// </param>
public sealed record IntakeArrival(IntakeSource Source, DateTimeOffset ReceivedAt, bool Counted = true);
