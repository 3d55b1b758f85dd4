namespace ChatCrm.Core.Intake;

/// <summary>A request counted at the door: its source as stored then, and when it came in (its outcome is counted in that hour).</summary>
public sealed record IntakeArrival(IntakeSource Source, DateTimeOffset ReceivedAt);
