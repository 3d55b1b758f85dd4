namespace ChatCrm.Core.Discipline;

/// <summary>
/// What the store's scan index says about an owned open lead, without reading the lead itself.
/// </summary>
/// <param name="LastActivityAt">The last follow-up, else the lead's creation.</param>
/// <param name="FollowedUp">False when nobody ever logged a follow-up (then the claim may be later than the creation).</param>
public sealed record OwnedLeadEntry(
    string LeadNumber,
    string OwnerKey,
    string? TeamKey,
    DateTimeOffset LastActivityAt,
    bool FollowedUp,
    DateTimeOffset? NextFollowUpAt);
