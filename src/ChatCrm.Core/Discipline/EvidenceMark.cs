namespace ChatCrm.Core.Discipline;

/// <summary>A call or visit logged with too short a note and not completed in time: the manager sees it in the day's list.</summary>
/// <param name="ListedAt">When it went out in a manager's day-end list; null until then.</param>
public sealed record EvidenceMark(
    Guid FollowUpId,
    string LeadNumber,
    string AuthorKey,
    string? TeamKey,
    DateTimeOffset LoggedAt,
    string Summary,
    DateTimeOffset MarkedAt,
    DateTimeOffset? ListedAt = null);
