namespace ChatCrm.IntegrationTests;

/// <summary>A folder of its own for a test's database, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("chatcrm-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing on a slow machine; the OS cleans temp folders.
        }
    }
}
