using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>
/// <c>/admin purge L-… reason</c>: an admin asks to remove binned leads for good before their 30
/// days are up. That is its own high-risk operation: it opens an approval request.
/// </summary>
public sealed class PurgeLead(ICrmStore store, TimeProvider clock, PurgeLeadsOperation operation)
{
    public Task<Result<ApprovalOpened>> HandleAsync(Actor actor, IReadOnlyList<string> numbers, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ApprovalOpened>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("bin.purge", null);
            }

            if (numbers.Count == 0)
            {
                return new MissingValue("leads");
            }

            var wanted = numbers.Select(number => number.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.FirstOrDefault(number => !LeadNumber.IsLeadNumber(number) || session.RecycleBin.Find(number) is null) is { } missing)
            {
                return new NotFound("bin", missing);
            }

            return ApprovalDesk.Open(session, actor, operation, PurgeLeadsOperation.Parameters(wanted), reason, now);
        }, cancellationToken);
    }
}
