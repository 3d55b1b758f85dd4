namespace ChatCrm.IntegrationTests.Teams;

/// <summary>The repository's copy of the shared Teams fixtures, kept with the channel tests.</summary>
internal static class TeamsFixtureFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "tests", "ChatCrm.Channels.Tests", "Teams", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/ChatCrm.Channels.Tests/Teams/Fixtures was not found above " + AppContext.BaseDirectory);
    }
}
