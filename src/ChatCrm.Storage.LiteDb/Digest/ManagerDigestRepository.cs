using ChatCrm.Core.Digest;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.FollowUps;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Digest;

/// <summary>
/// Sent digests, and the digest's counts as index range walks: leads by CreatedAt, follow-ups by
/// At, stale leads by the open-only OpenLastActivityAt and OpenNextFollowUpAt indexes, each then
/// filtered by team. A walk reads the day's (or the stale) documents only, never every lead.
/// </summary>
internal sealed class ManagerDigestRepository(SessionScope scope, StoreCollections collections) : IManagerDigests
{
    public ManagerDigest? Find(string teamKey, DateOnly date)
    {
        var document = scope.Read(() => collections.ManagerDigests.FindById(ManagerDigestDocuments.IdOf(teamKey, date)));
        return document is null ? null : ManagerDigestDocuments.ToDigest(document);
    }

    public void Save(ManagerDigest digest)
    {
        var document = ManagerDigestDocuments.ToDocument(digest);
        scope.Write(() => collections.ManagerDigests.Upsert(document));
    }

    public DigestSample CreatedIn(string teamKey, DateTimeOffset from, DateTimeOffset to, int keep) =>
        scope.Read(() => Sample(
            collections.Leads.Find(CreatedBetween(from, to)),
            document => document[LeadDocuments.TeamKey] == teamKey,
            keep));

    public DigestSample FollowUpsIn(IReadOnlySet<string> authorKeys, DateTimeOffset from, DateTimeOffset to, int keep) =>
        authorKeys.Count == 0
            ? DigestSample.None
            : scope.Read(() => Sample(
                collections.FollowUps.Find(FollowUpsBetween(from, to)),
                document => authorKeys.Contains(document["AuthorKey"].AsString),
                keep));

    public DigestSample Stale(string teamKey, DateTimeOffset lastActivityBefore, DateTimeOffset followUpDueBefore, int keep) =>
        scope.Read(() =>
        {
            var team = LeadDocuments.ByState(closed: false, teamKey);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var candidates = collections.Leads.Find(OpenQuietBefore(lastActivityBefore)).Concat(collections.Leads.Find(OpenDueBefore(followUpDueBefore)));
            return Sample(
                candidates,
                document => document[LeadDocuments.TeamByState] == team && !document[LeadDocuments.OwnerKey].IsNull && seen.Add(document["_id"].AsString),
                keep);
        });

    /// <summary>Leads created in [from, to): a walk of the CreatedAt index.</summary>
    internal static BsonExpression CreatedBetween(DateTimeOffset from, DateTimeOffset to) => Range(LeadDocuments.CreatedAt, from.UtcTicks, to.UtcTicks - 1);

    /// <summary>Follow-ups made in [from, to): a walk of the follow-ups' At index.</summary>
    internal static BsonExpression FollowUpsBetween(DateTimeOffset from, DateTimeOffset to) => Range(FollowUpDocuments.At, from.UtcTicks, to.UtcTicks - 1);

    /// <summary>Open leads last active before the moment: a walk of OpenLastActivityAt, which closed leads are not in.</summary>
    internal static BsonExpression OpenQuietBefore(DateTimeOffset before) => Range(LeadDocuments.OpenLastActivityAt, long.MinValue, before.UtcTicks - 1);

    /// <summary>Open leads whose next follow-up is before the moment: a walk of OpenNextFollowUpAt.</summary>
    internal static BsonExpression OpenDueBefore(DateTimeOffset before) => Range(LeadDocuments.OpenNextFollowUpAt, long.MinValue, before.UtcTicks - 1);

    // BETWEEN with numeric bounds: LiteDB walks the index over the range and skips null keys.
    private static BsonExpression Range(string field, long from, long to) =>
        BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to));

    private static DigestSample Sample(IEnumerable<BsonDocument> documents, Func<BsonDocument, bool> matches, int keep)
    {
        var count = 0;
        var kept = new List<string>();
        foreach (var document in documents)
        {
            if (!matches(document))
            {
                continue;
            }

            count++;
            if (kept.Count < keep)
            {
                kept.Add(document["_id"].IsGuid ? document["_id"].AsGuid.ToString() : document["_id"].AsString);
            }
        }

        return new DigestSample(count, kept);
    }
}
