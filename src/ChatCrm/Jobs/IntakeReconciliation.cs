using ChatCrm.Core.Intake;

namespace ChatCrm.Jobs;

/// <summary>
/// Every hour, at ten past, compares each intake source's requests received with those settled in
/// the hours just ended and alerts the admins about a gap (<see cref="ReconcileIntake"/>). The
/// counts are in the store, so a restart or a missed run loses nothing: the next run looks back a
/// day. The scheduler issue moves this to Quartz.
/// </summary>
public sealed class IntakeReconciliation(ReconcileIntake reconcile, TimeProvider clock, ILogger<IntakeReconciliation> logger) : BackgroundService
{
    /// <summary>When in the hour it runs: after the last hour's stragglers (<see cref="ReconcileIntake.Grace"/>) have settled.</summary>
    public static readonly TimeSpan RunsAt = TimeSpan.FromMinutes(10);

    /// <summary>How long until the next run, at <see cref="RunsAt"/> past an hour.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var next = IntakeHourCount.HourOf(now) + RunsAt;
        return (next > now ? next : next.AddHours(1)) - now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start looks back a day.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var gap in await reconcile.HandleAsync(stoppingToken))
            {
                logger.LogWarning(
                    "Intake source {Source} received {Received} requests in the hour from {Hour:u} but settled {Settled}: leads may be lost",
                    gap.SourceKey, gap.Received, gap.Hour, gap.Settled);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Reconciling intake failed; the next run tries again");
        }
    }
}
