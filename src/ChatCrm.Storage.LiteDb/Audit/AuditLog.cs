using ChatCrm.Core.Audit;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Audit;

internal sealed class AuditLog(SessionScope scope, ILiteCollection<BsonDocument> audit, IPersonalDataProtector protector) : IAuditLog
{
    // The last seal is read from the file inside the writing transaction rather than kept in
    // memory, so a unit the writer rolls back never leaves the chain's head ahead of the file.
    public void Append(AuditEntry entry)
    {
        var last = LastSealedDocument();
        var (sequence, previous) = last is null
            ? (1L, AuditChain.Genesis)
            : (last[AuditDocuments.Sequence].AsInt64 + 1, last["Hash"].AsString);
        var withSeal = entry with { Seal = AuditChain.Seal(entry with { Seal = null, UndoneBy = null }, sequence, previous) };
        var document = AuditDocuments.ToDocument(withSeal, protector);
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

    public void MarkUndone(Guid entryId, Guid undoneBy)
    {
        scope.Write(() =>
        {
            var document = audit.FindById(entryId)
                ?? throw new InvalidOperationException($"Audit entry {entryId} is not stored, so it cannot be marked undone.");
            document["UndoneBy"] = undoneBy;
            return audit.Update(document);
        });
    }

    public IReadOnlyList<AuditEntry> InSequence(long afterSequence, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => audit.Query()
            .Where(BsonExpression.Create($"$.{AuditDocuments.Sequence} > @0", new BsonValue(afterSequence)))
            .OrderBy(BsonExpression.Create("$." + AuditDocuments.Sequence))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(document => AuditDocuments.ToEntry(document, protector))];
    }

    public AuditEntry? LastSealed() => LastSealedDocument() is { } document ? AuditDocuments.ToEntry(document, protector) : null;

    private BsonDocument? LastSealedDocument() => scope.Read(() => audit.Query()
        .Where(BsonExpression.Create($"$.{AuditDocuments.Sequence} > 0"))
        .OrderBy(BsonExpression.Create("$." + AuditDocuments.Sequence), Query.Descending)
        .Limit(1)
        .FirstOrDefault());

    public long CountUnsealed() =>
        scope.Read(() => audit.LongCount(BsonExpression.Create($"$.{AuditDocuments.Sequence} = null")));

    private ILiteQueryable<BsonDocument> NewestFirst(string field, string from, string to) => audit
        .Query()
        .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
        .OrderBy(BsonExpression.Create("$." + field), Query.Descending);
}
