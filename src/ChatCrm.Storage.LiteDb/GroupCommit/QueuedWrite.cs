using ChatCrm.Core.Store;

namespace ChatCrm.Storage.LiteDb.GroupCommit;

/// <summary>
/// One caller's unit of work waiting for the writer. Its caller's token cancels it only while it
/// is queued: once the writer takes it, it runs and its outcome is reported.
/// </summary>
internal abstract class QueuedWrite
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state = Queued;

    /// <summary>Claims the unit for the writer; false when its caller cancelled it first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Runs the work; may run again after its batch rolled back.</summary>
    public abstract void Run(ICrmSession session);

    /// <summary>Answers the caller with the result of the last run, after the commit.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}

internal sealed class QueuedWrite<T> : QueuedWrite
{
    // Continuations run on the pool, never on the writer thread, which must go on committing.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<ICrmSession, T> _work;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _cancellation;
    private T? _result;

    public QueuedWrite(Func<ICrmSession, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        _cancellationToken = cancellationToken;
        _cancellation = cancellationToken.Register(static state => ((QueuedWrite<T>)state!).CancelIfQueued(), this);
    }

    public Task<T> Task => _completion.Task;

    public override void Run(ICrmSession session) => _result = _work(session);

    public override void Complete()
    {
        _cancellation.Dispose();
        _completion.TrySetResult(_result!);
    }

    public override void Fail(Exception exception)
    {
        _cancellation.Dispose();
        _completion.TrySetException(exception);
    }

    private void CancelIfQueued()
    {
        if (TryCancel())
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
    }
}
