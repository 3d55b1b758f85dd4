namespace ChatCrm.Core.Leads;

/// <summary>
/// Every stored field of a lead, as plain data: what the store persists and what an audit entry
/// keeps as "before" and "after" so a change can be shown and undone.
/// </summary>
/// <param name="ClosedAt">When the lead was last won or lost; null while open (a reopened deal clears it).</param>
/// <param name="OpportunityAt">When it first became an opportunity (qualified or further, won included); it stays.</param>
/// <param name="FirstFollowUpAt">Its first follow-up: "first contact within SLA" is measured to it.</param>
/// <param name="ExcludedAs">"test", "demo" or "internal" when reports must not count it; null counts.</param>
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
    string? Region = null,
    DateTimeOffset? ClosedAt = null,
    DateTimeOffset? OpportunityAt = null,
    DateTimeOffset? FirstFollowUpAt = null,
    string? ExcludedAs = null);
