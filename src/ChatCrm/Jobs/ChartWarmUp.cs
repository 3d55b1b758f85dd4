using ChatCrm.Channels.Rendering.Charts;

namespace ChatCrm.Jobs;

/// <summary>Draws one chart at start, off the start-up path: the first costs ~200 ms (Skia, the font), later ones ~20 ms.</summary>
public sealed class ChartWarmUp(ILogger<ChartWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            MetricChart.WarmUp();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Charts are extras: the numbers go out in text either way; the log says why charts will fail.
            logger.LogWarning(exception, "Drawing a chart failed at start (is fonts-wqy-microhei installed?)");
        }
    }
}
