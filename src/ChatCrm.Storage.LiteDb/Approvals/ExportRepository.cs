using ChatCrm.Core.Exports;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;

namespace ChatCrm.Storage.LiteDb.Approvals;

internal sealed class ExportRepository(SessionScope scope, StoreCollections collections) : IExports
{
    public ExportTicket? Find(Guid id)
    {
        var document = scope.Read(() => collections.Exports.FindById(id));
        return document is null ? null : ApprovalDocuments.ToExport(document);
    }

    public void Save(ExportTicket ticket)
    {
        var document = ApprovalDocuments.ExportToDocument(ticket);
        scope.Write(() => collections.Exports.Upsert(document));
    }
}
