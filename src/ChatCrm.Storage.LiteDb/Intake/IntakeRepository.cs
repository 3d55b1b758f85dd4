using ChatCrm.Core.Intake;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Intake;

/// <summary>
/// Intake sources by key; hourly counts by "{source}|{hour}" with the hour (UTC ticks) indexed for
/// the reconciliation's range; idempotency receipts by "{source}|{key}"; accepted requests with a
/// lead-then-time key standing in for a compound index.
/// </summary>
internal sealed class IntakeRepository(SessionScope scope, StoreCollections collections, IPersonalDataProtector protector) : IIntakeRepository
{
    public IntakeSource? FindSource(string key)
    {
        var document = scope.Read(() => collections.IntakeSources.FindById(key));
        return document is null ? null : IntakeDocuments.ToSource(document);
    }

    public IReadOnlyList<IntakeSource> AllSources() =>
        [.. scope.Read(() => collections.IntakeSources.FindAll().ToList()).Select(IntakeDocuments.ToSource).OrderBy(source => source.Key, StringComparer.Ordinal)];

    public void SaveSource(IntakeSource source)
    {
        var document = IntakeDocuments.SourceToDocument(source);
        scope.Write(() => collections.IntakeSources.Upsert(document));
    }

    // One writer runs the units one after another, so read, add and write back cannot lose a count.
    public void Count(string sourceKey, DateTimeOffset hour, IntakeOutcome outcome) => scope.Write(() =>
    {
        var id = IntakeDocuments.CountId(sourceKey, hour);
        var document = collections.IntakeCounts.FindById(id) ?? IntakeDocuments.NewCount(sourceKey, hour);
        var field = outcome.ToString();
        document[field] = document[field].AsInt32 + 1;
        collections.IntakeCounts.Upsert(document);
    });

    public IReadOnlyList<IntakeHourCount> HourCounts(DateTimeOffset from, DateTimeOffset to)
    {
        var documents = scope.Read(() => collections.IntakeCounts
            .Query()
            .Where(BsonExpression.Create($"$.{IntakeDocuments.Hour} >= @0 AND $.{IntakeDocuments.Hour} < @1", new BsonValue(from.UtcTicks), new BsonValue(to.UtcTicks)))
            .ToList());
        return [.. documents.Select(IntakeDocuments.ToCount).OrderBy(count => count.Hour).ThenBy(count => count.SourceKey, StringComparer.Ordinal)];
    }

    public void MarkAlerted(string sourceKey, DateTimeOffset hour) => scope.Write(() =>
    {
        if (collections.IntakeCounts.FindById(IntakeDocuments.CountId(sourceKey, hour)) is { } document)
        {
            document["Alerted"] = true;
            collections.IntakeCounts.Update(document);
        }
    });

    public IntakeReceipt? FindReceipt(string sourceKey, string idempotencyKey)
    {
        var document = scope.Read(() => collections.IntakeReceipts.FindById(IntakeDocuments.ReceiptId(sourceKey, idempotencyKey)));
        return document is null ? null : IntakeDocuments.ToReceipt(document);
    }

    public void SaveReceipt(IntakeReceipt receipt)
    {
        var document = IntakeDocuments.ReceiptToDocument(receipt);
        scope.Write(() => collections.IntakeReceipts.Upsert(document));
    }

    public void AddRecord(IntakeRecord record)
    {
        var document = IntakeDocuments.RecordToDocument(record, protector);
        scope.Write(() => collections.IntakeRecords.Insert(document));
    }

    public IReadOnlyList<IntakeRecord> RecordsForLead(string leadNumber, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var (from, to) = BsonFields.OwnerTimeRange(leadNumber, 0);
        var documents = scope.Read(() => collections.IntakeRecords
            .Query()
            .Where(BsonExpression.Create($"$.{IntakeDocuments.RecordLeadAt} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
            .OrderByDescending(BsonExpression.Create($"$.{IntakeDocuments.RecordLeadAt}"))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(document => IntakeDocuments.ToRecord(document, protector))];
    }

    public int RemoveReceiptsBefore(DateTimeOffset moment, int limit) =>
        limit <= 0 ? 0 : OldestBefore.Remove(scope, collections.IntakeReceipts, IntakeDocuments.ReceiptAt, moment, limit);
}
