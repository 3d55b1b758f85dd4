namespace ChatCrm.Storage.LiteDb.Files;

/// <summary>
/// One of LiteDB's two files, the data file or its write-ahead log, handed to LiteDB as a stream so
/// that the store, not LiteDB, decides when the log is forced to disk. LiteDB 5 fsyncs its log each
/// time its background writer's queue runs dry: measured here, about 105 fsyncs for one group
/// commit of 8 units, with the committing thread's reads and writes waiting behind them (36 ms per
/// commit with them, 1.3 ms without). The write-ahead rule still holds: the log is forced to disk
/// before the first page of a checkpoint reaches the data file, and the data file when LiteDB
/// flushes it at the end of the checkpoint. Durable commits force the log once a batch before answering.
/// </summary>
internal sealed class DatabaseFile : Stream
{
    private readonly FileStream _file;
    private readonly DatabaseFile? _log;
    private readonly TimeSpan _writeDelay;
    // Set by LiteDB's log writer thread, cleared by the store's writer once that thread is idle.
    private volatile bool _unsynced;

    private DatabaseFile(string path, DatabaseFile? log, TimeSpan writeDelay = default)
    {
        _writeDelay = writeDelay;
        // Unbuffered: LiteDB positions and reads the same stream from several threads under its own lock.
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        _log = log;
    }

    /// <param name="writeDelay">For tests: how long each page write waits (see LiteDbStoreOptions.LogWriteDelay).</param>
    public static DatabaseFile OpenLog(string databasePath, TimeSpan writeDelay = default) => new(LogPathFor(databasePath), null, writeDelay);

    public static DatabaseFile OpenData(string databasePath, DatabaseFile log) => new(databasePath, log);

    /// <summary>Where LiteDB keeps the log of a database file (its own naming, so files stay compatible).</summary>
    public static string LogPathFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    private bool IsLog => _log is null;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        _file.SetLength(value);
        _unsynced = true;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        // A checkpoint is about to overwrite data pages: what it copies must be durable in the log first.
        _log?.ForceToDisk();
        if (_writeDelay > TimeSpan.Zero)
        {
            Thread.Sleep(_writeDelay);
        }

        _file.Write(buffer, offset, count);
        _unsynced = true;
    }

    /// <summary>The log's flush only hands its pages to the OS; the data file's forces them to disk.</summary>
    public override void Flush()
    {
        if (IsLog)
        {
            _file.Flush(flushToDisk: false);
        }
        else
        {
            ForceToDisk();
        }
    }

    public void ForceToDisk()
    {
        if (_unsynced)
        {
            _file.Flush(flushToDisk: true);
            _unsynced = false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ForceToDisk();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
