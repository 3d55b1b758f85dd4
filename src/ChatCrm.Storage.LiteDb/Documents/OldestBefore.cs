using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Documents;

/// <summary>Deletes the oldest documents of a collection by an indexed moment (UTC ticks), a bounded batch at a time.</summary>
internal static class OldestBefore
{
    public static int Remove(SessionScope scope, ILiteCollection<BsonDocument> collection, string tickField, DateTimeOffset moment, int limit) => scope.Write(() =>
    {
        var ids = collection
            .Query()
            .Where(BsonExpression.Create($"$.{tickField} < @0", new BsonValue(moment.UtcTicks)))
            .OrderBy(BsonExpression.Create("$." + tickField))
            .Limit(limit)
            .ToList()
            .Select(document => document["_id"])
            .ToList();
        foreach (var id in ids)
        {
            collection.Delete(id);
        }

        return ids.Count;
    });
}
