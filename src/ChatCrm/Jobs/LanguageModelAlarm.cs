using ChatCrm.Core.Health;
using ChatCrm.Core.Store;
using ChatCrm.Health;
using ChatCrm.Language.Model;

namespace ChatCrm.Jobs;

/// <summary>
/// Every minute, when the language model has just crossed ten minutes of failing (or just
/// recovered from it), runs the integration check for it at once instead of waiting for the
/// quarter-hourly health job: admins hear within a minute, once per incident (the incident is
/// store data, so a restart or another instance does not tell them twice).
/// </summary>
public sealed class LanguageModelAlarm(
    LanguageModelHealth health,
    IEnumerable<IIntegrationCheck> checks,
    ICrmStore store,
    TimeProvider clock,
    ILogger<LanguageModelAlarm> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private bool reportedFailing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the health job checks again after the next start.
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var failing = LanguageModelCheck.FailingTooLong(health.Status(), clock.GetUtcNow());
        if (failing == reportedFailing)
        {
            return;
        }

        try
        {
            var check = checks.OfType<LanguageModelCheck>().Single();
            var outcome = await new CheckIntegrations(store, clock, [check]).RunAsync(cancellationToken);
            reportedFailing = failing;
            logger.LogInformation("Language model check: {Outcome}", outcome.Summary);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Checking the language model failed; the next tick tries again");
        }
    }
}
