namespace ChatCrm.Core.Assignment;

/// <summary>One recorded step of a lead's assignment, with its timing.</summary>
/// <param name="Took">For matched, offered and escalated: the time spent evaluating; for claimed: the time since intake.</param>
/// <param name="Detail">What it came to: the rule, the salesperson, the notice id, the reason.</param>
public sealed record AssignmentStep(AssignmentStepKind Kind, DateTimeOffset At, TimeSpan Took, string? Detail);
