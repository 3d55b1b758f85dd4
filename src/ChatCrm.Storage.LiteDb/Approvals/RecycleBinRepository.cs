using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Approvals;

/// <summary>
/// The recycle bin: a deleted lead's document moves whole from "leads" to "deleted_leads", with
/// who, when, why and which request beside it. Every lead query reads "leads" only, so no query
/// needs a filter; a restore moves the document back as it was.
/// </summary>
internal sealed class RecycleBinRepository(SessionScope scope, StoreCollections collections, IPersonalDataProtector protector, Reports.ReportTallyKeeper tallies) : IRecycleBin
{
    public const string DeletedAt = "Bin_DeletedAt";
    public const string RequestNumber = "Bin_Request";
    private const string DeletedBy = "Bin_DeletedBy";
    private const string Reason = "Bin_Reason";
    private static readonly string[] BinFields = [DeletedAt, DeletedAt + "Offset", RequestNumber, DeletedBy, Reason];

    public void Put(Lead lead, BinEntry entry) => scope.Write(() =>
    {
        var document = collections.Leads.FindById(lead.Number)
            ?? throw new InvalidOperationException($"Lead {lead.Number} is not stored, so it cannot be deleted.");
        document[DeletedBy] = entry.DeletedBy;
        document[Reason] = entry.Reason;
        document[RequestNumber] = BsonFields.Text(entry.RequestNumber);
        BsonFields.SetMoment(document, DeletedAt, entry.DeletedAt);
        collections.DeletedLeads.Upsert(document);
        collections.Leads.Delete(lead.Number);
        tallies.Removed(document);
    });

    public BinnedLead? Find(string number)
    {
        var document = scope.Read(() => collections.DeletedLeads.FindById(number));
        return document is null ? null : ToBinned(document);
    }

    public IReadOnlyList<BinnedLead> Newest(int limit) => limit <= 0 ? [] : [.. scope.Read(() => collections.DeletedLeads
        .Query()
        .OrderBy(BsonExpression.Create("$." + DeletedAt), Query.Descending)
        .Limit(limit)
        .ToList()).Select(ToBinned)];

    public int Count() => scope.Read(() => collections.DeletedLeads.Count());

    public IReadOnlyList<BinnedLead> DeletedBefore(DateTimeOffset moment, int limit) => limit <= 0 ? [] : [.. scope.Read(() => collections.DeletedLeads
        .Query()
        .Where(BsonExpression.Create($"$.{DeletedAt} < @0", new BsonValue(moment.UtcTicks)))
        .OrderBy(BsonExpression.Create("$." + DeletedAt))
        .Limit(limit)
        .ToList()).Select(ToBinned)];

    public IReadOnlyList<BinnedLead> DeletedByRequest(string requestNumber, int limit) => limit <= 0 ? [] : [.. scope.Read(() => collections.DeletedLeads
        .Find(BsonExpression.Create($"$.{RequestNumber} = @0", new BsonValue(requestNumber)))
        .Take(limit)
        .ToList()).Select(ToBinned)];

    public void Restore(string number) => scope.Write(() =>
    {
        var document = collections.DeletedLeads.FindById(number)
            ?? throw new InvalidOperationException($"Lead {number} is not in the recycle bin.");
        foreach (var field in BinFields)
        {
            document.Remove(field);
        }

        var before = collections.Leads.FindById(number);
        collections.Leads.Upsert(document);
        tallies.Stored(before, document);
        collections.DeletedLeads.Delete(number);
    });

    public void Purge(string number) => scope.Write(() => collections.DeletedLeads.Delete(number));

    private BinnedLead ToBinned(BsonDocument document) => new(
        LeadDocuments.ToLead(document, protector).ToSnapshot(),
        new BinEntry(
            BsonFields.GetRequiredText(document, DeletedBy),
            BsonFields.GetMoment(document, DeletedAt),
            BsonFields.GetRequiredText(document, Reason),
            BsonFields.GetText(document, RequestNumber)));
}
