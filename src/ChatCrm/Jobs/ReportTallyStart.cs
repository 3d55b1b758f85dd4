using ChatCrm.Core.Reports.Tallies;

namespace ChatCrm.Jobs;

/// <summary>
/// At start, counts the report tallies from every lead when the store's were never counted under
/// the configured rules (a database from before the tallies, or changed time zone or exclusions).
/// Off the start-up path: until it finishes, reports count from the leads themselves.
/// </summary>
public sealed partial class ReportTallyStart(RecountReports recount, ILogger<ReportTallyStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (await recount.EnsureCountedAsync(stoppingToken) is { } counted)
            {
                LogCounted(counted.Leads, counted.Took.TotalSeconds);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Reports stay right without the tallies (they count from the leads), only slower; /admin recount retries.
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report tallies counted from {Leads} leads in {Seconds:0.0} s")]
    private partial void LogCounted(int leads, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the report tallies failed; reports count from the leads until /admin recount succeeds")]
    private partial void LogFailed(Exception exception);
}
