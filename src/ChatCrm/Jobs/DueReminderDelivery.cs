using ChatCrm.Core.Reminders;

namespace ChatCrm.Jobs;

/// <summary>
/// Every half minute, hands reminders that have come due to the outbox. All state is in the
/// store, so a restart or a missed tick loses nothing; the scheduler issue moves this to Quartz.
/// </summary>
public sealed class DueReminderDelivery(DeliverDueReminders deliver, TimeProvider clock, ILogger<DueReminderDelivery> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            await RunTicksAsync(timer, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start picks up whatever is due.
        }
    }

    private async Task RunTicksAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                var delivered = await deliver.HandleAsync(stoppingToken);
                if (delivered > 0)
                {
                    logger.LogInformation("Handed {Count} due reminders to the outbox", delivered);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Delivering due reminders failed; the next tick tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
