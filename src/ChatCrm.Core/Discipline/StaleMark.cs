namespace ChatCrm.Core.Discipline;

/// <summary>
/// That the manager was told about a lead's stale episode. An episode is one owner's stretch
/// without a follow-up: it ends when a follow-up is logged (the last activity moves) or the lead
/// changes hands, so the mark names both.
/// </summary>
/// <param name="TeamKey">The team whose manager was told, which the store keeps the marks by; null for marks kept before it did.</param>
public sealed record StaleMark(string LeadNumber, string OwnerKey, DateTimeOffset LastActivityAt, DateTimeOffset StaleSince, DateTimeOffset ManagerToldAt, string? TeamKey = null)
{
    public bool IsEpisodeOf(string ownerKey, DateTimeOffset lastActivityAt) =>
        OwnerKey == ownerKey && LastActivityAt == lastActivityAt;
}
