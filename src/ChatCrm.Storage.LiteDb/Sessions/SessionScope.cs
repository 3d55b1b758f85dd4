namespace ChatCrm.Storage.LiteDb.Sessions;

/// <summary>
/// Guards every store call a session makes: writes only in a write session, only while its unit
/// runs, only on the writer thread (a LiteDB transaction belongs to a thread; a call from another
/// thread would commit on its own), and nothing after a failed call rolled the transaction back.
/// </summary>
internal sealed class SessionScope
{
    private bool _ended;

    private SessionScope(WriteTransaction? transaction) => Transaction = transaction;

    /// <summary>The writer transaction the session runs in; null for a read-only session.</summary>
    public WriteTransaction? Transaction { get; }

    public static SessionScope ForRead() => new(null);

    public static SessionScope ForWrite(WriteTransaction transaction) => new(transaction);

    public void End() => _ended = true;

    public T Read<T>(Func<T> call)
    {
        EnsureUsable();
        return Guard(call);
    }

    public T Write<T>(Func<T> call)
    {
        if (Transaction is null)
        {
            throw new InvalidOperationException("This session is read-only: change data through ICrmStore.WriteAsync.");
        }

        EnsureUsable();
        return Guard(call);
    }

    public void Write(Action call) => Write(() =>
    {
        call();
        return true;
    });

    private T Guard<T>(Func<T> call)
    {
        if (Transaction is null)
        {
            return call();
        }

        try
        {
            return call();
        }
        catch (Exception exception) when (Transaction.RecordFailedStoreCall(exception))
        {
            throw; // never reached: the filter records the failure and lets the exception pass unchanged
        }
    }

    private void EnsureUsable()
    {
        if (_ended)
        {
            throw new InvalidOperationException("This session's unit of work has ended; use a session only inside the work given to the store.");
        }

        if (Transaction is null)
        {
            return;
        }

        if (Environment.CurrentManagedThreadId != Transaction.WriterThreadId)
        {
            throw new InvalidOperationException(
                "A unit of work called the store from another thread. Units must be synchronous: the transaction belongs to the writer thread.");
        }

        if (Transaction.FailedStoreCall is { } failure)
        {
            throw new InvalidOperationException(
                "An earlier store call in this transaction failed and rolled it back; the unit of work cannot go on.", failure);
        }
    }
}
