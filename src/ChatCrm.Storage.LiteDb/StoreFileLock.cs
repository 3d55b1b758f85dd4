namespace ChatCrm.Storage.LiteDb;

/// <summary>
/// An exclusive lock on a file beside the database, held while the store is open. LiteDB's own
/// direct mode shares the file for reading, so it does not stop a second process; FileShare.None
/// does (on Linux .NET takes an advisory flock that other .NET processes and flock(1) honour).
/// </summary>
internal sealed class StoreFileLock : IDisposable
{
    private readonly FileStream _lockFile;

    private StoreFileLock(FileStream lockFile) => _lockFile = lockFile;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock or throws <see cref="StoreInUseException"/> at once; never waits.</summary>
    public static StoreFileLock Take(string databasePath)
    {
        var lockPath = PathFor(databasePath);
        try
        {
            return new StoreFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new StoreInUseException(databasePath, lockPath, ex);
        }
    }

    // The file itself stays: deleting it on release would let two later processes lock two different files.
    public void Dispose() => _lockFile.Dispose();
}
