using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>The orders of <see cref="LeadOrder"/> on stored documents; ties go by lead number.</summary>
internal static class LeadDocumentOrder
{
    public static Comparison<BsonDocument> For(LeadOrder order) => order switch
    {
        LeadOrder.NextFollowUpSoonestFirst => (left, right) => ThenByNumber(
            CompareNullsLast(BsonFields.GetTicks(left, LeadDocuments.NextFollowUpAt), BsonFields.GetTicks(right, LeadDocuments.NextFollowUpAt)),
            left,
            right),
        LeadOrder.NewestFirst => (left, right) => ThenByNumber(
            right[LeadDocuments.CreatedAt].AsInt64.CompareTo(left[LeadDocuments.CreatedAt].AsInt64),
            left,
            right),
        _ => (left, right) => ThenByNumber(
            left[LeadDocuments.LastActivityAt].AsInt64.CompareTo(right[LeadDocuments.LastActivityAt].AsInt64),
            left,
            right),
    };

    private static int CompareNullsLast(long? left, long? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => left.Value.CompareTo(right.Value),
    };

    private static int ThenByNumber(int byKey, BsonDocument left, BsonDocument right) =>
        byKey != 0 ? byKey : string.CompareOrdinal(left["_id"].AsString, right["_id"].AsString);
}
