using ChatCrm.Core.Digest;

namespace ChatCrm.Core.Store;

/// <summary>
/// The digests sent to managers (one per team and local date, which is what makes the job send it
/// once) and the few counts a digest needs, each answered by walking an index over a time range,
/// never by reading every lead.
/// </summary>
public interface IManagerDigests
{
    ManagerDigest? Find(string teamKey, DateOnly date);

    /// <summary>Records a digest as sent; a second one for the same team and date replaces it.</summary>
    void Save(ManagerDigest digest);

    /// <summary>Leads of the team created in [from, to), open or closed; keeps the first <paramref name="keep"/> numbers.</summary>
    DigestSample CreatedIn(string teamKey, DateTimeOffset from, DateTimeOffset to, int keep);

    /// <summary>Follow-ups made in [from, to) by any of <paramref name="authorKeys"/>; keeps the first <paramref name="keep"/> follow-up ids.</summary>
    DigestSample FollowUpsIn(IReadOnlySet<string> authorKeys, DateTimeOffset from, DateTimeOffset to, int keep);

    /// <summary>
    /// The team's open, owned leads with no activity before <paramref name="lastActivityBefore"/> or a
    /// next follow-up before <paramref name="followUpDueBefore"/>; keeps the first <paramref name="keep"/> numbers.
    /// </summary>
    DigestSample Stale(string teamKey, DateTimeOffset lastActivityBefore, DateTimeOffset followUpDueBefore, int keep);
}
