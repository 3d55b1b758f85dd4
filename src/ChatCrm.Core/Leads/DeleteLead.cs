using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Asks to delete a lead (<c>/delete L-… 客户要求删除</c>): never at once. It needs Delete over the
/// lead and a reason, and opens an approval request the requester confirms with the card's code;
/// on approval the lead goes to the recycle bin.
/// </summary>
public sealed class DeleteLead(ICrmStore store, TimeProvider clock, DeleteLeadsOperation operation)
{
    public Task<Result<ApprovalOpened>> HandleAsync(Actor actor, string? mention, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ApprovalOpened>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (string.IsNullOrWhiteSpace(mention))
            {
                return new MissingValue("lead");
            }

            var resolved = LeadResolver.Resolve(session, actor, mention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            if (!LeadAccess.Of(session, actor.User).CanDelete(lead))
            {
                return new NotPermitted(AuditActions.DeleteLead, lead.Number);
            }

            return ApprovalDesk.Open(session, actor, operation, DeleteLeadsOperation.Parameters([lead.Number]), reason, now);
        }, cancellationToken);
    }
}
