using ChatCrm.Core.Discipline;
using ChatCrm.Core.FollowUps;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.FollowUps;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Discipline;

internal sealed class FollowUpDisciplineRepository(SessionScope scope, StoreCollections collections) : IFollowUpDiscipline
{
    private const string DayField = "Day";
    private const string AtField = "At";

    public IReadOnlyList<OwnedLeadEntry> IdleOwnedLeads(DateTimeOffset atOrBefore) => OwnedLeads(OwnedLeadKeys.IdleKey, atOrBefore, promised: false);

    public IReadOnlyList<OwnedLeadEntry> PromisedOwnedLeads(DateTimeOffset atOrBefore) => OwnedLeads(OwnedLeadKeys.PromiseKey, atOrBefore, promised: true);

    private readonly StaleMarkSets _marks = new(scope, collections.StaleMarkSets, collections.StaleMarks);

    public IReadOnlyList<StaleMark> StaleMarks() => _marks.All();

    public IReadOnlyDictionary<string, StaleMark> StaleMarksOf(string teamKey, IReadOnlyCollection<string> leadNumbers) => _marks.Of(teamKey, leadNumbers);

    public void SaveStaleMarks(string teamKey, IReadOnlyCollection<StaleMark> marks) => _marks.Save(teamKey, marks);

    public void DeleteStaleMarks(string? teamKey, IReadOnlyCollection<string> leadNumbers) => _marks.Delete(teamKey, leadNumbers);

    public DateOnly? LastDone(string key) =>
        scope.Read(() => collections.DisciplineState.FindById(key)) is { } document && document.TryGetValue(DayField, out var day)
            ? FollowUpDisciplineDocuments.ParseDay(day)
            : null;

    public void RecordDone(string key, DateOnly day, DateTimeOffset at)
    {
        var document = new BsonDocument { ["_id"] = key, [DayField] = FollowUpDisciplineDocuments.Day(day) };
        BsonFields.SetMoment(document, AtField, at);
        scope.Write(() => collections.DisciplineState.Upsert(document));
    }

    public DateTimeOffset? Cursor(string name) =>
        scope.Read(() => collections.DisciplineState.FindById("cursor:" + name)) is { } document ? BsonFields.GetMoment(document, AtField) : null;

    public void SaveCursor(string name, DateTimeOffset at)
    {
        var document = new BsonDocument { ["_id"] = "cursor:" + name };
        BsonFields.SetMoment(document, AtField, at);
        scope.Write(() => collections.DisciplineState.Upsert(document));
    }

    public IReadOnlyList<FollowUp> FollowUpsLogged(DateTimeOffset after, DateTimeOffset until, int limit)
    {
        if (limit <= 0 || until <= after)
        {
            return [];
        }

        // BETWEEN on numbers, never ">": LiteDB would start a ">" range at null and read every follow-up.
        var documents = scope.Read(() => collections.FollowUps.Query()
            .Where(BsonExpression.Create($"$.{FollowUpDocuments.At} BETWEEN @0 AND @1", new BsonValue(after.UtcTicks + 1), new BsonValue(until.UtcTicks)))
            .OrderBy(BsonExpression.Create("$." + FollowUpDocuments.At))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(FollowUpDocuments.ToFollowUp)];
    }

    public void SaveEvidenceMark(EvidenceMark mark)
    {
        var document = FollowUpDisciplineDocuments.ToDocument(mark);
        scope.Write(() => collections.EvidenceMarks.Upsert(document));
    }

    public EvidenceMark? FindEvidenceMark(Guid followUpId) =>
        scope.Read(() => collections.EvidenceMarks.FindById(followUpId)) is { } document ? FollowUpDisciplineDocuments.ToEvidenceMark(document) : null;

    public IReadOnlyList<EvidenceMark> UnlistedEvidenceMarks(int limit)
    {
        var documents = scope.Read(() => collections.EvidenceMarks.Query()
            .Where(BsonExpression.Create($"$.{FollowUpDisciplineDocuments.Unlisted} BETWEEN @0 AND @1", new BsonValue(0L), new BsonValue(long.MaxValue)))
            .OrderBy(BsonExpression.Create("$." + FollowUpDisciplineDocuments.Unlisted))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(FollowUpDisciplineDocuments.ToEvidenceMark)];
    }

    private List<OwnedLeadEntry> OwnedLeads(string field, DateTimeOffset atOrBefore, bool promised)
    {
        var keys = scope.Read(() => OwnedLeadKeys.ScanQuery(collections.Leads, field, atOrBefore)
            .ToEnumerable()
            .Select(value => value.IsDocument ? value.AsDocument.Values.First() : value)
            .Where(value => value.IsString)
            .Select(value => value.AsString)
            .ToList());
        return [.. keys.Select(key => OwnedLeadKeys.Parse(key, promised))];
    }
}
