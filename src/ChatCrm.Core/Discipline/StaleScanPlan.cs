using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Discipline;

/// <summary>What one read of the store found: the stale leads of teams now at work, and what was told before.</summary>
internal sealed record StaleScanPlan(
    IReadOnlyList<StaleLead> Stale,
    IReadOnlyDictionary<string, StaleMark> Marks,
    IReadOnlyDictionary<string, User> Users,
    IReadOnlyDictionary<string, Team> Teams,
    AssignmentRulebook Rulebook,
    int Candidates);
