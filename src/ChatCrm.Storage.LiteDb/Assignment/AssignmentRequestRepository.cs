using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Assignment;

/// <summary>Assignment requests keyed by lead number; <c>RequestedAt</c> (UTC ticks) orders them.</summary>
internal sealed class AssignmentRequestRepository(SessionScope scope, ILiteCollection<BsonDocument> requests) : IAssignmentRequests
{
    public void Add(AssignmentRequest request)
    {
        var document = new BsonDocument
        {
            ["_id"] = request.LeadNumber,
            ["SourceKey"] = request.SourceKey,
            ["Tags"] = new BsonArray(request.Tags.Select(tag => new BsonValue(tag))),
            ["RequestedAt"] = request.RequestedAt.UtcTicks,
        };
        scope.Write(() => requests.Upsert(document));
    }

    public IReadOnlyList<AssignmentRequest> Oldest(int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => requests.Query().OrderBy(BsonExpression.Create("$.RequestedAt"), Query.Ascending).Limit(limit).ToList());
        return [.. documents.Select(document => new AssignmentRequest(
            document["_id"].AsString,
            BsonFields.GetRequiredText(document, "SourceKey"),
            [.. document["Tags"].AsArray.Select(tag => tag.AsString)],
            new DateTimeOffset(document["RequestedAt"].AsInt64, TimeSpan.Zero)))];
    }

    public bool Remove(string leadNumber) => scope.Write(() => requests.Delete(leadNumber));
}
