namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>A temp folder for one test's database, deleted with everything in it afterwards.</summary>
public sealed class StoreFolder : IDisposable
{
    public StoreFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "chatcrm-litedb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>In a subfolder that does not exist yet: the store must create it.</summary>
    public string DatabasePath => Path.Combine(Root, "data", "chatcrm.db");

    public LiteDbCrmStore Open(
        bool durableCommits = true, int checkpointEveryCommits = 1000, int maxBatchSize = 256, Core.Personal.IPersonalDataProtector? protector = null,
        TimeSpan logWriteDelay = default) =>
        new(
            new LiteDbStoreOptions
            {
                DatabasePath = DatabasePath,
                DurableCommits = durableCommits,
                CheckpointEveryCommits = checkpointEveryCommits,
                MaxBatchSize = maxBatchSize,
                LogWriteDelay = logWriteDelay,
            },
            protector ?? new Core.Personal.PlainPersonalData());

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
