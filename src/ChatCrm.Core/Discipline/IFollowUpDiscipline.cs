using ChatCrm.Core.FollowUps;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// What the follow-up discipline jobs keep and read in the store: the scan of owned open leads
/// (from an index, without reading the leads), the marks that make each notice go out once, and
/// the cursors and once-a-day records of the jobs.
/// </summary>
public interface IFollowUpDiscipline
{
    /// <summary>Owned open leads without a next follow-up whose last activity is at or before <paramref name="atOrBefore"/>, oldest first.</summary>
    IReadOnlyList<OwnedLeadEntry> IdleOwnedLeads(DateTimeOffset atOrBefore);

    /// <summary>Owned open leads whose next follow-up is at or before <paramref name="atOrBefore"/>, earliest first.</summary>
    IReadOnlyList<OwnedLeadEntry> PromisedOwnedLeads(DateTimeOffset atOrBefore);

    IReadOnlyList<StaleMark> StaleMarks();

    /// <summary>The marks of these leads kept for <paramref name="teamKey"/>'s manager (and any kept before marks were kept by team).</summary>
    IReadOnlyDictionary<string, StaleMark> StaleMarksOf(string teamKey, IReadOnlyCollection<string> leadNumbers);

    /// <summary>
    /// Keeps marks for <paramref name="teamKey"/>'s manager, many at once: a first run marks tens of
    /// thousands of leads, and one write per team (not per lead) keeps it within seconds.
    /// </summary>
    void SaveStaleMarks(string teamKey, IReadOnlyCollection<StaleMark> marks);

    /// <summary>Drops the marks of these leads kept for <paramref name="teamKey"/>'s manager (and any kept before marks were kept by team).</summary>
    void DeleteStaleMarks(string? teamKey, IReadOnlyCollection<string> leadNumbers);

    /// <summary>The local day something keyed <paramref name="key"/> was last done (an owner reminded, a manager's list sent).</summary>
    DateOnly? LastDone(string key);

    void RecordDone(string key, DateOnly day, DateTimeOffset at);

    /// <summary>How far a job has read the follow-ups; null before its first run.</summary>
    DateTimeOffset? Cursor(string name);

    void SaveCursor(string name, DateTimeOffset at);

    /// <summary>Follow-ups logged after <paramref name="after"/> and at or before <paramref name="until"/>, oldest first.</summary>
    IReadOnlyList<FollowUp> FollowUpsLogged(DateTimeOffset after, DateTimeOffset until, int limit);

    void SaveEvidenceMark(EvidenceMark mark);

    EvidenceMark? FindEvidenceMark(Guid followUpId);

    /// <summary>Marks not yet in a manager's list, oldest first.</summary>
    IReadOnlyList<EvidenceMark> UnlistedEvidenceMarks(int limit);
}
