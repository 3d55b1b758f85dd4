using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Exports;

/// <summary>
/// <c>/export [mine|team|all] [phones]</c>: prepares a CSV of the leads the person's Export scope
/// reaches, fetched once through an expiring link, never sent inline. Phones and emails are masked
/// unless full phones were asked for and the person may see them; such an export needs a reason
/// and a second person's approval, and its link comes in a notice once approved.
/// </summary>
public sealed class RequestExport(ICrmStore store, TimeProvider clock, IExportLinks links, PhoneExportOperation operation)
{
    public Task<Result<ExportOutcome>> HandleAsync(Actor actor, ExportScope? scope, bool withPhones, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ExportOutcome>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var rights = LeadAccess.Of(session, actor.User);
            var asked = scope ?? ExportScope.All;
            if (ExportSelection.QueryFor(rights, asked) is null)
            {
                return new NotPermitted(AuditActions.CreateExport, null);
            }

            if (withPhones)
            {
                if (!rights.Has(Permission.ViewFullPhone))
                {
                    return new NotPermitted(AuditActions.CreateExport, null);
                }

                var opened = ApprovalDesk.Open(session, actor, operation, PhoneExportOperation.Parameters(asked), reason, now);
                return opened.Value is { } approval ? Result<ExportOutcome>.Success(new ExportOutcome(null, approval)) : opened.Error!;
            }

            return Result<ExportOutcome>.Success(new ExportOutcome(ExportSelection.Prepare(session, actor, rights, asked, withPhones: false, null, links, now), null));
        }, cancellationToken);
    }
}
