namespace ChatCrm.Core.Leads;

/// <summary>
/// Every stored field of a lead, as plain data: what the store persists and what an audit entry
/// keeps as "before" and "after" so a change can be shown and undone.
/// </summary>
public sealed record LeadSnapshot(
    string Number,
    string Name,
    string? PhoneE164,
    string? Company,
    string? Industry,
    LeadStage Stage,
    decimal? Amount,
    string? Currency,
    string? TeamKey,
    string? OwnerKey,
    string? AssigneeKey,
    string Source,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastFollowUpAt,
    DateTimeOffset? NextFollowUpAt,
    int Version,
    string? Email = null,
    string? Region = null);
