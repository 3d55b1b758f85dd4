namespace ChatCrm.Core.Assignment;

/// <summary>
/// Wakes the assignment engine as soon as a lead is queued for it, so the offer reaches the
/// salesperson within a second rather than at the engine's next tick. Whoever adds an
/// <see cref="AssignmentRequest"/> raises it once the transaction has committed.
/// </summary>
public sealed class AssignmentSignal : WakeSignal;
