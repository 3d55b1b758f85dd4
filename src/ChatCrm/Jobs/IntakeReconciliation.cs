using ChatCrm.Core.Intake;
using ChatCrm.Core.Scheduling;

namespace ChatCrm.Jobs;

/// <summary>
/// The scheduler's "intake-reconciliation" job, at ten past every hour: compares each intake
/// source's requests received with those settled in the hours just ended and alerts the admins
/// about a gap (<see cref="ReconcileIntake"/>). The counts are in the store, so a restart or a
/// missed run loses nothing: the next run looks back a day.
/// </summary>
public sealed class IntakeReconciliation(ReconcileIntake reconcile, ILogger<IntakeReconciliation> logger) : IScheduledJob
{
    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var gaps = await reconcile.HandleAsync(cancellationToken);
        foreach (var gap in gaps)
        {
            logger.LogWarning(
                "Intake source {Source} received {Received} requests in the hour from {Hour:u} but settled {Settled}: leads may be lost",
                gap.SourceKey, gap.Received, gap.Hour, gap.Settled);
        }

        return gaps.Count == 0
            ? JobOutcome.Nothing
            : new JobOutcome($"{gaps.Count} hours with requests received but not stored, from {string.Join(", ", gaps.Select(gap => gap.SourceKey).Distinct())}", gaps.Count);
    }
}
