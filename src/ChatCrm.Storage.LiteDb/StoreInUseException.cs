namespace ChatCrm.Storage.LiteDb;

/// <summary>
/// Another process (or another store in this one) holds the database's lock file. Two writers
/// corrupt a LiteDB file for good, so the second one refuses to open.
/// </summary>
public sealed class StoreInUseException : Exception
{
    public StoreInUseException(string databasePath, string lockFilePath, Exception? innerException = null)
        : base(
            $"The database {databasePath} is in use by another ChatCrm process (lock file {lockFilePath}). " +
            "Stop it first, or use the running server.",
            innerException)
    {
        DatabasePath = databasePath;
        LockFilePath = lockFilePath;
    }

    public string DatabasePath { get; }

    public string LockFilePath { get; }
}
