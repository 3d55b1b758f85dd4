using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Assignment;

internal sealed class LeadAssignmentRepository(SessionScope scope, ILiteCollection<BsonDocument> assignments) : ILeadAssignments
{
    public LeadAssignment? Find(string leadNumber)
    {
        var document = scope.Read(() => assignments.FindById(leadNumber));
        return document is null ? null : LeadAssignmentDocuments.ToAssignment(document);
    }

    public void Save(LeadAssignment assignment)
    {
        var document = LeadAssignmentDocuments.ToDocument(assignment);
        scope.Write(() => assignments.Upsert(document));
    }

    public IReadOnlyList<LeadAssignment> Due(DateTimeOffset moment, int limit) =>
        Walk(LeadAssignmentDocuments.DueAt, long.MinValue, moment.UtcTicks, limit);

    public IReadOnlyList<LeadAssignment> RequestedSince(DateTimeOffset since, int limit) =>
        Walk(LeadAssignmentDocuments.RequestedAt, since.UtcTicks, long.MaxValue, limit);

    private List<LeadAssignment> Walk(string field, long from, long to, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => assignments
            .Query()
            .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
            .OrderBy(BsonExpression.Create("$." + field), Query.Ascending)
            .Limit(limit)
            .ToList());
        return [.. documents.Select(LeadAssignmentDocuments.ToAssignment)];
    }
}
