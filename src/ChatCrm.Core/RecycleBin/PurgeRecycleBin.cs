using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>
/// Removes leads that have been in the recycle bin longer than <see cref="LeadBin.KeptFor"/>, each
/// audited. A batch per transaction; a second run finds nothing left.
/// </summary>
public sealed class PurgeRecycleBin(ICrmStore store, TimeProvider clock) : IScheduledJob
{
    private const int BatchSize = 200;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        int purged;
        do
        {
            purged = await store.WriteAsync(session =>
            {
                var old = session.RecycleBin.DeletedBefore(now - LeadBin.KeptFor, BatchSize);
                foreach (var binned in old)
                {
                    session.RecycleBin.Purge(binned.Lead.Number);
                    session.Audit.Append(AuditTrail.Entry(ApprovalDesk.System, AuditActions.PurgeLead, now, binned.Lead.Number, binned.Lead, null, "expired"));
                }

                return old.Count;
            }, cancellationToken);
            total += purged;
        }
        while (purged == BatchSize);
        return total == 0 ? JobOutcome.Nothing : new JobOutcome($"purged {total} leads kept in the recycle bin for over 30 days", total);
    }
}
