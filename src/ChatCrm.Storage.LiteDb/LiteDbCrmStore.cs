using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.GroupCommit;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.People;
using ChatCrm.Storage.LiteDb.Sessions;
using ChatCrm.Storage.LiteDb.Files;
using LiteDB;
using LiteDB.Engine;

namespace ChatCrm.Storage.LiteDb;

/// <summary>
/// The CRM's data in one LiteDB file, owned by this process alone. Writes from all callers go
/// through one writer thread that commits them in groups; reads run on the caller's thread
/// against committed data.
/// </summary>
public sealed class LiteDbCrmStore : ICrmStore, IDisposable
{
    // LiteDB refuses a 101st open transaction; each running read holds one.
    private const int MaxConcurrentReads = 64;

    private readonly StoreFileLock _fileLock;
    private readonly DatabaseFile _logFile;
    private readonly DatabaseFile _dataFile;
    private readonly LiteDatabase _database;
    private readonly StoreCollections _collections;
    private readonly IPersonalDataProtector _protector;
    private readonly Core.Reports.Tallies.TallyRules _tallyRules;
    private readonly PeopleCache _people = new();
    private readonly GroupCommitWriter _writer;
    private readonly SemaphoreSlim _readSlots = new(MaxConcurrentReads, MaxConcurrentReads);
    private int _disposed;

    /// <summary>Opens (or creates) the database and starts its writer.</summary>
    /// <param name="log">Told about what the store recovers from on its own (a batch re-run unit by unit, a failed checkpoint).</param>
    /// <exception cref="StoreInUseException">Another process (or store) has the database open.</exception>
    public LiteDbCrmStore(LiteDbStoreOptions options, IPersonalDataProtector protector, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(protector);
        options.Validate();
        _protector = protector;
        _tallyRules = options.ReportTallies;

        var databasePath = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        _fileLock = StoreFileLock.Take(databasePath);
        Action? forceCommitsToDisk = null;
        try
        {
            _logFile = DatabaseFile.OpenLog(databasePath, options.LogWriteDelay);
            _dataFile = DatabaseFile.OpenData(databasePath, _logFile);
            var engine = new LiteEngine(new EngineSettings
            {
                DataStream = _dataFile,
                LogStream = _logFile,

                // Ordinal, not LiteDB's default culture-aware case-insensitive comparison: keys and
                // blind-index lookup keys must match exactly. Applies when the file is created.
                Collation = Collation.Binary,
            });
            _database = new LiteDatabase(engine);
            if (options.DurableCommits)
            {
                var barrier = LogWriteBarrier.For(engine);
                forceCommitsToDisk = () =>
                {
                    barrier.WaitForCommittedPages();
                    _logFile.ForceToDisk();
                };
            }
            _collections = new StoreCollections(_database);
            _collections.EnsureIndexes();
            Reports.ReportTallyDocuments.StartOn(_collections, _tallyRules.Fingerprint);
        }
        catch
        {
            _database?.Dispose();
            _dataFile?.Dispose();
            _logFile?.Dispose();
            _fileLock.Dispose();
            throw;
        }

        _writer = new GroupCommitWriter(
            _database,
            scope => new CrmSession(scope, _collections, _protector, _people, _tallyRules),
            AfterCommit,
            options.MaxBatchSize,
            forceCommitsToDisk,
            options.CheckpointEveryCommits,
            log);
    }

    /// <summary>Where the writer has spent its time since the store opened.</summary>
    public WriterStatistics WriterStatistics => _writer.Statistics;

    /// <summary>What the writer has done so far, for tests and diagnostics.</summary>
    internal (long Commits, long Checkpoints, long BatchesRunAlone) WriterCounts =>
        (_writer.Commits, _writer.Checkpoints, _writer.BatchesRunAlone);

    public Task<T> WriteAsync<T>(Func<ICrmSession, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // It would wait in the queue behind the very unit that waits for it.
        if (_writer.IsWriterThread)
        {
            throw new InvalidOperationException("A unit of work cannot start another write: do all of it in the one session it was given.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var unit = new QueuedWrite<T>(work, cancellationToken);
        _writer.Enqueue(unit);
        return unit.Task;
    }

    public async Task<T> ReadAsync<T>(Func<ICrmSession, T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _readSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var scope = SessionScope.ForRead();
        try
        {
            // Dispose may have closed the file while this read waited for its slot.
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return query(new CrmSession(scope, _collections, _protector, _people, _tallyRules));
        }
        finally
        {
            scope.End();
            _readSlots.Release();
        }
    }

    /// <summary>The LiteDB indexes a lead query walks to list and to count, for tests that hold the plans to their promise.</summary>
    internal (IReadOnlyList<string> List, IReadOnlyList<string> Count) IndexesUsedBy(LeadQuery query) =>
        (LeadQueryPlan.ForList(query).IndexesUsed(_collections.Leads), LeadQueryPlan.ForCount(query).IndexesUsed(_collections.Leads));

    /// <summary>Commits every write already queued, waits for running reads, then closes the file and frees its lock.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writer.Dispose();
        for (var slot = 0; slot < MaxConcurrentReads; slot++)
        {
            _readSlots.Wait();
        }

        _database.Dispose();
        _dataFile.Dispose();
        _logFile.Dispose();
        _fileLock.Dispose();

        // Reads still waiting for a slot get one and find the store closed.
        _readSlots.Release(MaxConcurrentReads);
    }

    private void AfterCommit(WriteTransaction transaction)
    {
        if (transaction.PeopleChanged)
        {
            _people.Invalidate();
        }
    }
}
