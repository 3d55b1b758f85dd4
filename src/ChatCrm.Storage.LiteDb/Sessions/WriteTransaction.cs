namespace ChatCrm.Storage.LiteDb.Sessions;

/// <summary>What the units of one writer transaction share: its thread, and what happened in it.</summary>
internal sealed class WriteTransaction(int writerThreadId)
{
    public int WriterThreadId { get; } = writerThreadId;

    /// <summary>
    /// The first store call that threw. LiteDB rolls its whole transaction back when a call fails,
    /// and a later call would silently run (and commit) on its own, so nothing may run after it.
    /// </summary>
    public Exception? FailedStoreCall { get; private set; }

    /// <summary>A user or team was saved: the people cache must be dropped once this commits.</summary>
    public bool PeopleChanged { get; set; }

    /// <summary>The report tally moves of the batch's units so far, written once before the commit.</summary>
    public Reports.PendingTallies? Tallies { get; set; }

    /// <summary>Writes what the batch's units left to write at its end (the tally pages they moved).</summary>
    public void BeforeCommit()
    {
        Tallies?.Flush();
        Tallies = null;
    }

    public bool RecordFailedStoreCall(Exception exception)
    {
        FailedStoreCall ??= exception;
        return false;
    }
}
