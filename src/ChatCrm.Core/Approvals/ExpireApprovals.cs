using ChatCrm.Core.Audit;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// Closes requests nobody confirmed or decided within <see cref="ApprovalDesk.Lifetime"/>: they
/// expire, nothing runs, and the requester is told. A batch per transaction; a second run finds
/// nothing left to do.
/// </summary>
public sealed class ExpireApprovals(ICrmStore store, TimeProvider clock) : IScheduledJob
{
    private const int BatchSize = 100;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        int expired;
        do
        {
            expired = await store.WriteAsync(session =>
            {
                var due = session.Approvals.OpenExpiredBy(now, BatchSize);
                foreach (var request in due)
                {
                    var closed = request with { State = ApprovalState.Expired, FinishedAt = now };
                    session.Approvals.Save(closed);
                    ApprovalDesk.Audit(session, ApprovalDesk.System, AuditActions.ExpireApproval, closed, now);
                    ApprovalNotices.TellRequester(session, closed, now);
                }

                return due.Count;
            }, cancellationToken);
            total += expired;
        }
        while (expired == BatchSize);
        return total == 0 ? JobOutcome.Nothing : new JobOutcome($"expired {total} approval requests", total);
    }
}
