namespace ChatCrm.Core.Discipline;

/// <summary>
/// That the manager was told about a lead's stale episode. An episode is one owner's stretch
/// without a follow-up: it ends when a follow-up is logged (the last activity moves) or the lead
/// changes hands, so the mark names both.
/// </summary>
public sealed record StaleMark(string LeadNumber, string OwnerKey, DateTimeOffset LastActivityAt, DateTimeOffset StaleSince, DateTimeOffset ManagerToldAt)
{
    public bool IsEpisodeOf(string ownerKey, DateTimeOffset lastActivityAt) =>
        OwnerKey == ownerKey && LastActivityAt == lastActivityAt;
}
