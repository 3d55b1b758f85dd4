namespace ChatCrm.Core.Assignment;

/// <summary>A lead whose assignment should have moved on and has not: the engine is not keeping up, or is down.</summary>
/// <param name="DueAt">When its claim window ended or its team's day began.</param>
/// <param name="UserKey">Who holds the offer, for an offered lead.</param>
public sealed record StuckLead(string LeadNumber, AssignmentState State, DateTimeOffset DueAt, string? UserKey);

/// <summary>How assignment went over a period: how fast leads were claimed, what is stuck, what failed and why.</summary>
/// <param name="Requested">Leads that came in for assignment in the period.</param>
/// <param name="MedianToClaim">Median time from intake to claim, of the leads claimed; null when none was.</param>
/// <param name="P95ToClaim">95th percentile (nearest rank) of the same.</param>
/// <param name="Open">Leads waiting for working hours or offered and not yet claimed.</param>
/// <param name="Stuck">Open leads past their next step by more than <see cref="AssignmentHealth.StuckAfter"/>, oldest first.</param>
/// <param name="EscalatedUnclaimed">Escalated leads nobody has claimed yet.</param>
/// <param name="FailuresByReason">Escalations by reason, and offers declined or let run out, by stable code, most first.</param>
public sealed record AssignmentHealthReport(
    DateTimeOffset Since,
    int Requested,
    int Claimed,
    TimeSpan? MedianToClaim,
    TimeSpan? P95ToClaim,
    int Open,
    IReadOnlyList<StuckLead> Stuck,
    int EscalatedUnclaimed,
    IReadOnlyList<KeyValuePair<string, int>> FailuresByReason);
