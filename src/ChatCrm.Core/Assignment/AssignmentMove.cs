namespace ChatCrm.Core.Assignment;

/// <summary>What the engine did with one lead, for its log.</summary>
/// <param name="UserKey">Who was offered the lead, or who holds it.</param>
/// <param name="Error">For an escalation after a failure: what failed.</param>
public sealed record AssignmentMove(string LeadNumber, AssignmentMoveKind Kind, string? UserKey = null, EscalationReason? Reason = null, string? Error = null);
