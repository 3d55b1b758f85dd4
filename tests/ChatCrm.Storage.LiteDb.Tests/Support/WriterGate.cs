using ChatCrm.Core.Store;

namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>
/// Keeps the store's writer busy in a unit of its own until released, so units written meanwhile
/// wait in the queue: tests decide what is queued instead of guessing at timing.
/// </summary>
public sealed class WriterGate : IDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();

    /// <summary>The gate's own unit; completes after <see cref="Release"/>.</summary>
    public Task Unit { get; private set; } = Task.CompletedTask;

    /// <summary>Returns once the writer is inside the gate's unit.</summary>
    public async Task HoldAsync(ICrmStore store)
    {
        Unit = store.WriteAsync(
            _ =>
            {
                _entered.SetResult();

                // A safety net against a test that never releases, not a timing assumption.
                _release.Wait(TimeSpan.FromMinutes(1));
                return true;
            },
            CancellationToken.None);
        await _entered.Task;
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}
