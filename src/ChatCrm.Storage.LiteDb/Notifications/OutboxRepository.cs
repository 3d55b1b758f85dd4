using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Notifications;

internal sealed class OutboxRepository(SessionScope scope, ILiteCollection<BsonDocument> outbox) : IOutbox
{
    public void Enqueue(OutboxMessage message)
    {
        var document = OutboxDocuments.ToDocument(message);
        scope.Write(() => outbox.Insert(document));
    }

    public OutboxMessage? Find(Guid id)
    {
        var document = scope.Read(() => outbox.FindById(id));
        return document is null ? null : OutboxDocuments.ToMessage(document);
    }

    // A person's undelivered messages are few: read them by recipient and sort here.
    public IReadOnlyList<OutboxMessage> PendingFor(string recipientKey, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => outbox
            .Find(BsonExpression.Create($"$.{OutboxDocuments.PendingRecipientKey} = @0", new BsonValue(recipientKey)))
            .ToList());
        return
        [
            .. documents
                .Select(OutboxDocuments.ToMessage)
                .OrderBy(message => message.CreatedAt)
                .ThenBy(message => message.Id)
                .Take(limit),
        ];
    }

    public IReadOnlyList<OutboxMessage> NoticesDue(DateTimeOffset now, int limit) =>
        WalkInOrder(OutboxDocuments.PendingNoticeAt, long.MinValue, now.UtcTicks, Query.Ascending, limit);

    public IReadOnlyList<OutboxMessage> Due(DateTimeOffset now, int limit) =>
        WalkInOrder(OutboxDocuments.PendingAttemptAt, long.MinValue, now.UtcTicks, Query.Ascending, limit);

    public IReadOnlyList<OutboxMessage> DeadLetters(int limit) =>
        WalkInOrder(OutboxDocuments.DeadLetterCreatedAt, long.MinValue, long.MaxValue, Query.Descending, limit);

    public void Update(OutboxMessage message)
    {
        var document = OutboxDocuments.ToDocument(message);
        if (!scope.Write(() => outbox.Update(document)))
        {
            throw new InvalidOperationException($"Outbox message {message.Id} is not stored, so it cannot be updated.");
        }
    }

    private List<OutboxMessage> WalkInOrder(string field, long from, long to, int order, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => outbox
            .Query()
            .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
            .OrderBy(BsonExpression.Create("$." + field), order)
            .Limit(limit)
            .ToList());
        return [.. documents.Select(OutboxDocuments.ToMessage)];
    }
}
