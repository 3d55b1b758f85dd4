using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Discipline;

/// <summary>What one read of the store found: the stale leads of teams now at work, and what was told before.</summary>
/// <param name="MarksStillCurrent">Leads whose mark names the episode the scan index shows now, at work or not: their marks stay without a look at the lead.</param>
internal sealed record StaleScanPlan(
    IReadOnlyList<StaleLead> Stale,
    IReadOnlyDictionary<string, StaleMark> Marks,
    IReadOnlyDictionary<string, User> Users,
    IReadOnlyDictionary<string, Team> Teams,
    AssignmentRulebook Rulebook,
    IReadOnlySet<string> MarksStillCurrent,
    int Candidates);
