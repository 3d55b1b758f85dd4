using ChatCrm.Core.Audit;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Audit;

internal sealed class AuditLog(SessionScope scope, ILiteCollection<BsonDocument> audit, IPersonalDataProtector protector) : IAuditLog
{
    public void Append(AuditEntry entry)
    {
        var document = AuditDocuments.ToDocument(entry, protector);
        scope.Write(() => audit.Insert(document));
    }

    public AuditEntry? Find(Guid id)
    {
        var document = scope.Read(() => audit.FindById(id));
        return document is null ? null : AuditDocuments.ToEntry(document, protector);
    }

    /// <remarks>A null <paramref name="conversationKey"/> means any conversation, as an absent condition does in <see cref="LeadQuery"/>.</remarks>
    public IReadOnlyList<AuditEntry> RecentBy(string actorKey, string? conversationKey, DateTimeOffset since, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var (from, to) = BsonFields.OwnerTimeRange(actorKey, since.UtcTicks);
        var documents = scope.Read(() => NewestFirst(AuditDocuments.ActorAt, from, to)
            .ToEnumerable()
            .Where(document => conversationKey is null
                || string.Equals(BsonFields.GetText(document, AuditDocuments.ConversationKey), conversationKey, StringComparison.Ordinal))
            .Take(limit)
            .ToList());
        return [.. documents.Select(document => AuditDocuments.ToEntry(document, protector))];
    }

    public IReadOnlyList<AuditEntry> ForLead(string leadNumber, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var (from, to) = BsonFields.OwnerTimeRange(leadNumber, 0);
        var documents = scope.Read(() => NewestFirst(AuditDocuments.LeadAt, from, to).Limit(limit).ToList());
        return [.. documents.Select(document => AuditDocuments.ToEntry(document, protector))];
    }

    public void Update(AuditEntry entry)
    {
        var document = AuditDocuments.ToDocument(entry, protector);
        if (!scope.Write(() => audit.Update(document)))
        {
            throw new InvalidOperationException($"Audit entry {entry.Id} is not stored, so it cannot be updated.");
        }
    }

    private ILiteQueryable<BsonDocument> NewestFirst(string field, string from, string to) => audit
        .Query()
        .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
        .OrderBy(BsonExpression.Create("$." + field), Query.Descending);
}
