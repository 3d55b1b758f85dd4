using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>
/// One LiteDB query over one index of the leads: a condition on the indexed field and, when
/// kept, the index's order (ordering by the index's own expression makes LiteDB read the index in
/// order instead of sorting). For counts it may read index keys alone, no documents.
/// </summary>
internal sealed record LeadIndexWalk(string Field, BsonExpression Condition, int Order, bool KeepIndexOrder, bool KeysOnlyCount = false)
{
    private const long Earliest = long.MinValue;
    private const long Latest = long.MaxValue;

    public static LeadIndexWalk Equal(string field, string? value) =>
        new(field, BsonExpression.Create($"$.{field} = @0", BsonFields.Text(value)), Query.Ascending, KeepIndexOrder: false);

    /// <summary>Open leads with this owner (or team; null for none), and closed ones too when asked.</summary>
    public static IReadOnlyList<LeadIndexWalk> ByState(string field, string? key, bool includeClosed) =>
        includeClosed
            ? [Equal(field, LeadDocuments.ByState(closed: false, key)), Equal(field, LeadDocuments.ByState(closed: true, key))]
            : [Equal(field, LeadDocuments.ByState(closed: false, key))];

    public static LeadIndexWalk NextFollowUpWithin(DateTimeOffset from, DateTimeOffset to, bool includeClosed) =>
        Range(includeClosed ? LeadDocuments.NextFollowUpAt : LeadDocuments.OpenNextFollowUpAt, from.UtcTicks, to.UtcTicks - 1);

    public static LeadIndexWalk CreatedWithin(DateTimeOffset from, DateTimeOffset to) =>
        Range(LeadDocuments.CreatedAt, from.UtcTicks, to.UtcTicks - 1);

    public static LeadIndexWalk LastActivityBefore(DateTimeOffset before, bool includeClosed) =>
        Range(includeClosed ? LeadDocuments.LastActivityAt : LeadDocuments.OpenLastActivityAt, Earliest, before.UtcTicks - 1);

    /// <summary>Every (open) lead once.</summary>
    public static LeadIndexWalk Everything(bool includeClosed) =>
        includeClosed ? Range(LeadDocuments.CreatedAt, Earliest, Latest) : Range(LeadDocuments.OpenLastActivityAt, Earliest, Latest);

    /// <summary>Every (open) lead once, in the order asked for.</summary>
    public static IReadOnlyList<LeadIndexWalk> InOrder(LeadOrder order, bool includeClosed) => order switch
    {
        LeadOrder.NextFollowUpSoonestFirst =>
        [
            Range(includeClosed ? LeadDocuments.NextFollowUpAt : LeadDocuments.OpenNextFollowUpAt, Earliest, Latest),

            // Leads without a next follow-up come after all that have one.
            Equal(LeadDocuments.NextFollowUpAt, null),
        ],
        LeadOrder.NewestFirst => [Range(LeadDocuments.CreatedAt, Earliest, Latest, Query.Descending)],
        _ => [Everything(includeClosed)],
    };

    public LeadIndexWalk Unordered() => this with { KeepIndexOrder = false };

    public LeadIndexWalk KeysOnly() => this with { KeepIndexOrder = false, KeysOnlyCount = true };

    public ILiteQueryableResult<BsonDocument> ToQuery(ILiteCollection<BsonDocument> leads)
    {
        var query = leads.Query().Where(Condition);
        if (KeysOnlyCount)
        {
            // Selecting only the indexed field lets LiteDB answer from the index, loading no document.
            return query.Select(BsonExpression.Create("$." + Field));
        }

        return KeepIndexOrder ? query.OrderBy(BsonExpression.Create("$." + Field), Order) : query;
    }

    // BETWEEN with numeric bounds, never < or >: LiteDB turns "x < v" into a range from MinValue,
    // which takes in every null key (leads without the field) as well.
    private static LeadIndexWalk Range(string field, long from, long to, int order = Query.Ascending) =>
        new(field, BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)), order, KeepIndexOrder: true);
}
