namespace ChatCrm.Core;

/// <summary>
/// Wakes a background job as soon as there is work for it, instead of at its next tick. A wake-up
/// only: the work itself is in the store, and the tick still finds whatever a missed signal or a
/// restart left. Each job has its own subclass, so each is a service of its own.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Raised already and not yet taken: one wake-up covers both.
        }
    }

    /// <summary>Returns when raised or after <paramref name="timeout"/> on <paramref name="clock"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var raised = _signal.WaitAsync(linked.Token);
        var tick = Task.Delay(timeout, clock, linked.Token);
        await Task.WhenAny(raised, tick).ConfigureAwait(false);
        // Ends the wait that lost, so an abandoned wait cannot swallow a later Raise.
        await linked.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(raised, tick).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
