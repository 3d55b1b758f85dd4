using System.Globalization;
using ChatCrm.Core.Discipline;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>
/// Two index keys on owned open leads that let the stale-lead scan find its candidates from the
/// index alone, reading no lead: every fact the scan needs (when, whose, which team, which lead)
/// is inside the key, "{sort ticks}␁{last activity ticks}␁{f|c}␁{team}␁{owner}␁{number}", with
/// the ticks padded so ordinal order is time order. <see cref="IdleKey"/> sorts leads without a
/// next follow-up by their last activity, <see cref="PromiseKey"/> leads with one by that date;
/// every other lead (closed, in the pool) has null, which the scan's BETWEEN ranges skip.
/// </summary>
internal static class OwnedLeadKeys
{
    public const string IdleKey = "OwnedIdleKey";
    public const string PromiseKey = "OwnedPromiseKey";

    private const char Separator = '\u0001';
    private const int BackfillBatch = 5000;

    /// <summary>Sets both keys from the document's own fields (so a migration can use it on stored documents too).</summary>
    public static void Write(BsonDocument document)
    {
        var owner = BsonFields.GetText(document, LeadDocuments.OwnerKey);
        var closed = document[LeadDocuments.Closed].AsBoolean;
        var next = BsonFields.GetTicks(document, LeadDocuments.NextFollowUpAt);
        var activity = document[LeadDocuments.LastActivityAt].AsInt64;
        string? Key(long sortTicks) => string.Join(
            Separator,
            Ticks(sortTicks),
            Ticks(activity),
            document[LeadDocuments.LastFollowUpAt].IsNull ? "c" : "f",
            BsonFields.GetText(document, LeadDocuments.TeamKey) ?? string.Empty,
            owner,
            document["_id"].AsString);
        var owned = owner is not null && !closed;
        document[IdleKey] = owned && next is null ? Key(activity) : BsonValue.Null;
        document[PromiseKey] = owned && next is { } promised ? Key(promised) : BsonValue.Null;
    }

    /// <summary>Keys of moments at or before <paramref name="moment"/>: every key of its tick sorts below the tick followed by a character above the separator.</summary>
    public static (BsonValue From, BsonValue To) AtOrBefore(DateTimeOffset moment) =>
        (new BsonValue(Ticks(0)), new BsonValue(Ticks(moment.UtcTicks) + (char)(Separator + 1)));

    /// <summary>
    /// The keys at or before the moment, read from the index alone: LiteDB loads no document for a
    /// query that selects just the indexed expression.
    /// </summary>
    public static ILiteQueryableResult<BsonDocument> ScanQuery(ILiteCollection<BsonDocument> leads, string field, DateTimeOffset atOrBefore)
    {
        var (from, to) = AtOrBefore(atOrBefore);
        return leads.Query()
            .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to))
            .Select(BsonExpression.Create("$." + field));
    }

    public static OwnedLeadEntry Parse(string key, bool promised)
    {
        var fields = key.Split(Separator);
        var activity = new DateTimeOffset(long.Parse(fields[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
        DateTimeOffset? next = promised ? new DateTimeOffset(long.Parse(fields[0], CultureInfo.InvariantCulture), TimeSpan.Zero) : null;
        return new OwnedLeadEntry(fields[5], fields[4], fields[3].Length == 0 ? null : fields[3], activity, fields[2] == "f", next);
    }

    /// <summary>Gives leads stored before these keys existed their keys, in batches of one transaction each.</summary>
    public static void Backfill(ILiteCollection<BsonDocument> leads)
    {
        var after = string.Empty;
        while (true)
        {
            var batch = leads.Query()
                .Where(BsonExpression.Create("$._id > @0", new BsonValue(after)))
                .OrderBy(BsonExpression.Create("$._id"))
                .Limit(BackfillBatch)
                .ToList();
            if (batch.Count == 0)
            {
                return;
            }

            batch.ForEach(Write);
            leads.Update(batch);
            after = batch[^1]["_id"].AsString;
        }
    }

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
