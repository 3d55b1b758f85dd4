using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Exports;

/// <summary>
/// An export with full phones, once approved: the requester must still hold Export and
/// ViewFullPhone; the link is prepared then and sent to them in a notice through the outbox.
/// </summary>
public sealed class PhoneExportOperation(IExportLinks links) : IApprovedOperation
{
    public const string KindName = "export.phones";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(ExportScope scope) =>
        new Dictionary<string, string> { ["scope"] = scope.ToString().ToLowerInvariant() };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        new Dictionary<string, string>(parameters);

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor)
        {
            return new NotPermitted(AuditActions.CreateExport, null);
        }

        var rights = LeadAccess.Of(session, actor.User);
        var scope = Enum.Parse<ExportScope>(request.Parameter("scope"), ignoreCase: true);
        if (!rights.Has(Permission.ViewFullPhone) || ExportSelection.QueryFor(rights, scope) is null)
        {
            return new NotPermitted(AuditActions.CreateExport, null);
        }

        var ready = ExportSelection.Prepare(session, actor, rights, scope, withPhones: true, request.Number, links, now);
        ExportSelection.Notify(session, actor.Key, ready, now);
        return Result<OperationDone>.Success(new OperationDone(ready.Count, new Dictionary<string, string> { ["export"] = ready.Id.ToString() }));
    }
}
