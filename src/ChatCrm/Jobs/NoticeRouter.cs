using ChatCrm.Channels.Outbound;

namespace ChatCrm.Jobs;

/// <summary>
/// Several times a second, takes new notices (an offered lead, a due reminder) to the chat each
/// person last used with the bot (<see cref="NoticeRouting"/>); the dispatcher then sends them.
/// All state is in the store, so a restart or a missed tick loses nothing.
/// </summary>
public sealed class NoticeRouter(NoticeRouting routing, TimeProvider clock, ILogger<NoticeRouter> logger) : BackgroundService
{
    /// <summary>Short, so an offered lead reaches the salesperson's chat within a second; an idle tick is one index read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await RouteAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: pending notices are routed after the next start.
        }
    }

    /// <summary>Routes until a pass finds less than a full batch.</summary>
    public async Task RouteAsync(CancellationToken stoppingToken)
    {
        try
        {
            RoutingPass pass;
            do
            {
                pass = await routing.RouteOnceAsync(stoppingToken);
                if (pass.HandedOver > 0)
                {
                    logger.LogInformation("Handed {Count} notices to chat channels", pass.HandedOver);
                }
            }
            while (pass.HandedOver + pass.Deferred == NoticeRouting.BatchSize);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Routing notices failed; the next tick tries again");
        }
    }
}
