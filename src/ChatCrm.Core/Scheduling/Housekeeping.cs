using ChatCrm.Core.Store;

namespace ChatCrm.Core.Scheduling;

/// <summary>How long the store remembers what only guards against retries.</summary>
/// <param name="Retention">Intake idempotency answers and handled chat message ids older than this are forgotten.</param>
public sealed record HousekeepingSettings(TimeSpan Retention)
{
    public static HousekeepingSettings Default { get; } = new(TimeSpan.FromDays(30));
}

/// <summary>
/// Keeps the store from growing without bound: drops job runs older than
/// <see cref="RecordJobRun.KeptFor"/>, and intake idempotency answers and handled message ids older
/// than the retention (no channel or client retries that late). A batch per transaction, so the
/// writer is never held for long; running it twice only finds less to do.
/// </summary>
public sealed class Housekeeping(ICrmStore store, TimeProvider clock, HousekeepingSettings settings) : IScheduledJob
{
    private const int BatchSize = 500;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var runs = await RemoveAllAsync(session => session.Jobs.RemoveRunsBefore(now - RecordJobRun.KeptFor, BatchSize), cancellationToken);
        var receipts = await RemoveAllAsync(session => session.Intake.RemoveReceiptsBefore(now - settings.Retention, BatchSize), cancellationToken);
        var messages = await RemoveAllAsync(session => session.Conversations.RemoveInboundBefore(now - settings.Retention, BatchSize), cancellationToken);
        var total = runs + receipts + messages;
        return total == 0
            ? JobOutcome.Nothing
            : new JobOutcome($"removed {runs} old job runs, {receipts} intake idempotency answers and {messages} handled message ids", total);
    }

    private async Task<int> RemoveAllAsync(Func<ICrmSession, int> removeBatch, CancellationToken cancellationToken)
    {
        var total = 0;
        int removed;
        do
        {
            removed = await store.WriteAsync(removeBatch, cancellationToken);
            total += removed;
        }
        while (removed == BatchSize);
        return total;
    }
}
