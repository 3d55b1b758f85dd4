using ChatCrm.Core.Approvals;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Approvals;

internal sealed class ApprovalRepository(SessionScope scope, StoreCollections collections) : IApprovals
{
    public ApprovalRequest? Find(string number)
    {
        var document = scope.Read(() => collections.Approvals.FindById(number));
        return document is null ? null : ApprovalDocuments.ToRequest(document);
    }

    public IReadOnlyList<ApprovalRequest> AwaitingConfirmationBy(string requesterKey, int limit) =>
        limit <= 0 ? [] : [.. scope.Read(() => collections.Approvals
            .Find(BsonExpression.Create($"$.{ApprovalDocuments.AwaitingBy} = @0", new BsonValue(requesterKey)))
            .ToList())
            .Select(ApprovalDocuments.ToRequest)
            .OrderByDescending(request => request.RequestedAt)
            .Take(limit)];

    public IReadOnlyList<ApprovalRequest> PendingFor(string approverKey, int limit) =>
        limit <= 0 ? [] : [.. scope.Read(() => collections.Approvals
            .Find(BsonExpression.Create(ApprovalDocuments.PendingApproversIndexExpression + " ANY = @0", new BsonValue(approverKey)))
            .ToList())
            .Select(ApprovalDocuments.ToRequest)
            .OrderBy(request => request.RequestedAt)
            .Take(limit)];

    // BETWEEN with numeric bounds walks the index and skips the closed requests' null keys.
    public IReadOnlyList<ApprovalRequest> OpenExpiredBy(DateTimeOffset moment, int limit) =>
        limit <= 0 ? [] : [.. scope.Read(() => collections.Approvals
            .Query()
            .Where(BsonExpression.Create($"$.{ApprovalDocuments.OpenExpiresAt} BETWEEN @0 AND @1", new BsonValue(long.MinValue), new BsonValue(moment.UtcTicks)))
            .OrderBy(BsonExpression.Create("$." + ApprovalDocuments.OpenExpiresAt))
            .Limit(limit)
            .ToList())
            .Select(ApprovalDocuments.ToRequest)];

    public void Save(ApprovalRequest request)
    {
        var document = ApprovalDocuments.ToDocument(request);
        scope.Write(() => collections.Approvals.Upsert(document));
    }
}
