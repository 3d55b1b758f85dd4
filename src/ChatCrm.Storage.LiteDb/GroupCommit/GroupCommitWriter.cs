using System.Diagnostics;
using System.Collections.Concurrent;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.GroupCommit;

/// <summary>
/// The one thread that writes. A commit costs about the same for one document as for hundreds
/// (400 commits/s against 6,500 documents/s in batches, DESIGN.md), so it takes every unit queued
/// meanwhile, up to the batch cap, runs them in one transaction and answers each caller only after
/// the shared commit (and, for durable commits, the flush). If one unit throws, the batch rolls
/// back and each of its units runs again alone, so only the failing one fails. LiteDB binds a
/// transaction to its thread, hence a thread of our own rather than the pool.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private readonly BlockingCollection<QueuedWrite> _queue = new(new ConcurrentQueue<QueuedWrite>());
    private readonly LiteDatabase _database;
    private readonly Func<SessionScope, CrmSession> _openSession;
    private readonly Action<WriteTransaction> _afterCommit;
    private readonly Action<string>? _log;
    private readonly int _maxBatchSize;
    private readonly Action? _forceCommitsToDisk;
    private readonly int _checkpointEveryCommits;
    private readonly Thread _thread;
    private int _commitsSinceCheckpoint;

    public GroupCommitWriter(
        LiteDatabase database,
        Func<SessionScope, CrmSession> openSession,
        Action<WriteTransaction> afterCommit,
        int maxBatchSize,
        Action? forceCommitsToDisk,
        int checkpointEveryCommits,
        Action<string>? log)
    {
        _database = database;
        _openSession = openSession;
        _afterCommit = afterCommit;
        _maxBatchSize = maxBatchSize;
        _forceCommitsToDisk = forceCommitsToDisk;
        _checkpointEveryCommits = checkpointEveryCommits;
        _log = log;
        _thread = new Thread(WriteUntilStopped) { IsBackground = true, Name = "ChatCrm store writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far (a batch, or a unit re-run alone).</summary>
    public long Commits { get; private set; }

    public long Checkpoints { get; private set; }

    /// <summary>Batches that rolled back because one of their units threw, and ran unit by unit.</summary>
    public long BatchesRunAlone { get; private set; }

    /// <summary>Time spent, in Stopwatch ticks; only the writer thread adds to these.</summary>
    private long _batches, _units, _runningTicks, _committingTicks, _flushingTicks, _checkpointingTicks;

    public WriterStatistics Statistics => new(
        Volatile.Read(ref _batches), Volatile.Read(ref _units), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _runningTicks)),
        Stopwatch.GetElapsedTime(0, Volatile.Read(ref _committingTicks)), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _flushingTicks)),
        Stopwatch.GetElapsedTime(0, Volatile.Read(ref _checkpointingTicks)));

    public bool IsWriterThread => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    public void Enqueue(QueuedWrite unit)
    {
        try
        {
            _queue.Add(unit);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbCrmStore), "The store is closed; it takes no more writes.");
        }
    }

    /// <summary>Takes no more units, commits those already queued, then ends the thread.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        if (!IsWriterThread)
        {
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void WriteUntilStopped()
    {
        var batch = new List<QueuedWrite>(_maxBatchSize);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            AddIfNotCancelled(batch, first);
            while (batch.Count < _maxBatchSize && _queue.TryTake(out var next))
            {
                AddIfNotCancelled(batch, next);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                CommitBatch(batch);
            }
            catch (Exception exception)
            {
                // A bug here must not end the only writer: every later write would wait forever.
                _log?.Invoke($"The store writer failed on a batch of {batch.Count}: {exception.Message}");
                batch.ForEach(unit => unit.Fail(exception));
            }
        }
    }

    private static void AddIfNotCancelled(List<QueuedWrite> batch, QueuedWrite unit)
    {
        if (unit.TryTake())
        {
            batch.Add(unit);
        }
    }

    private void CommitBatch(List<QueuedWrite> batch)
    {
        Volatile.Write(ref _batches, _batches + 1);
        Volatile.Write(ref _units, _units + batch.Count);
        var failure = TryCommit(batch);
        if (failure is null)
        {
            AnswerCommitted(batch);
            return;
        }

        if (batch.Count == 1)
        {
            batch[0].Fail(failure);
            return;
        }

        BatchesRunAlone++;
        _log?.Invoke($"A unit of work failed in a batch of {batch.Count} and the batch rolled back; running its units one by one.");
        var committed = new List<QueuedWrite>(batch.Count);
        foreach (var unit in batch)
        {
            if (TryCommit([unit]) is { } aloneFailure)
            {
                unit.Fail(aloneFailure);
            }
            else
            {
                committed.Add(unit);
            }
        }

        AnswerCommitted(committed);
    }

    /// <summary>Makes the commits durable (and checkpoints when due), then answers their callers.</summary>
    private void AnswerCommitted(List<QueuedWrite> committed)
    {
        if (committed.Count == 0)
        {
            return;
        }

        // Never re-run these: their commit stands, whatever the flush says.
        var flushFailure = ForceToDisk();
        CheckpointWhenDue();
        foreach (var unit in committed)
        {
            if (flushFailure is null)
            {
                unit.Complete();
            }
            else
            {
                unit.Fail(flushFailure);
            }
        }
    }

    /// <summary>Runs the units in one transaction and commits it; on any exception rolls back and returns it.</summary>
    private Exception? TryCommit(List<QueuedWrite> units)
    {
        var transaction = new WriteTransaction(Environment.CurrentManagedThreadId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            _database.BeginTrans();
            foreach (var unit in units)
            {
                var scope = SessionScope.ForWrite(transaction);
                try
                {
                    unit.Run(_openSession(scope));
                }
                finally
                {
                    scope.End();
                }

                // The unit caught a failed store call and went on: LiteDB has rolled back already.
                if (transaction.FailedStoreCall is { } swallowed)
                {
                    throw new InvalidOperationException(
                        "A unit of work went on after a store call failed; its transaction was rolled back.", swallowed);
                }
            }

            transaction.BeforeCommit();
            var committing = Stopwatch.GetTimestamp();
            Volatile.Write(ref _runningTicks, _runningTicks + (committing - started));
            var committed = _database.Commit();
            Volatile.Write(ref _committingTicks, _committingTicks + (Stopwatch.GetTimestamp() - committing));
            if (!committed)
            {
                throw new InvalidOperationException("The store transaction ended before its commit; nothing of it was saved.");
            }
        }
        catch (Exception exception)
        {
            RollBack();
            return exception;
        }

        Commits++;
        _commitsSinceCheckpoint++;
        _afterCommit(transaction);
        return null;
    }

    private void RollBack()
    {
        try
        {
            _database.Rollback();
        }
        catch (Exception exception)
        {
            // The unit's own failure is what its caller needs to hear; this one is only logged.
            _log?.Invoke($"Rolling back a store transaction failed: {exception.Message}");
        }
    }

    /// <summary>
    /// LiteDB 5 commits into memory and lets a background task write the log a little later; for
    /// durable commits the writer waits for that task and forces the log to disk, once per batch,
    /// before answering. The log is then durable on its own: a reopened database replays it.
    /// </summary>
    /// <returns>Why the commits could not be made durable.</returns>
    private Exception? ForceToDisk()
    {
        if (_forceCommitsToDisk is null)
        {
            return null;
        }

        try
        {
            var flushing = Stopwatch.GetTimestamp();
            _forceCommitsToDisk();
            Volatile.Write(ref _flushingTicks, _flushingTicks + (Stopwatch.GetTimestamp() - flushing));
            return null;
        }
        catch (Exception exception)
        {
            _log?.Invoke($"Forcing the store's log to disk failed: {exception.Message}");
            return exception;
        }
    }

    /// <summary>
    /// Every N commits, copies the log into the data file: the log's pages are already durable, but a
    /// long log slows indexed reads about 40 times after 20,000 small commits (measured, DESIGN.md).
    /// A failed checkpoint only slows reads until the next one, so it fails nobody.
    /// </summary>
    private void CheckpointWhenDue()
    {
        if (_commitsSinceCheckpoint < _checkpointEveryCommits)
        {
            return;
        }

        _commitsSinceCheckpoint = 0;
        try
        {
            var checkpointing = Stopwatch.GetTimestamp();
            _database.Checkpoint();
            Volatile.Write(ref _checkpointingTicks, _checkpointingTicks + (Stopwatch.GetTimestamp() - checkpointing));
            Checkpoints++;
        }
        catch (Exception exception)
        {
            _log?.Invoke($"Checkpoint of the store failed: {exception.Message}");
        }
    }
}
