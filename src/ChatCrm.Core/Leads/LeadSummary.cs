namespace ChatCrm.Core.Leads;

/// <summary>Enough of a lead to show it in a list or on a "which one?" button.</summary>
public sealed record LeadSummary(
    string Number,
    string Name,
    string? Company,
    LeadStage Stage,
    string? OwnerKey,
    DateTimeOffset? LastFollowUpAt,
    DateTimeOffset? NextFollowUpAt);
