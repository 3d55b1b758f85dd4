using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Tests.Teams.Fixtures;

/// <summary>
/// The captured Teams and Playground activities beside this file (copies of
/// ../shared/fixtures/teams), read from the source tree: the test project does not copy them to
/// its output, so we walk up from the test binaries to the project folder.
/// </summary>
public static class TeamsFixtures
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>The fixtures that are inbound activities (the Playground's logged reply is not one).</summary>
    public static TheoryData<string> InboundNames => new(
        "conversation-update-bot-added.json",
        "invoke-adaptive-card-action.json",
        "message-groupchat-mention.json",
        "message-personal.json",
        "playground/conversationUpdate-channelCreated.json",
        "playground/conversationUpdate.json",
        "playground/installationUpdate.json",
        "playground/invoke-composeExtension_query.json",
        "playground/message.json",
        "playground/messageReaction.json");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder.Value, name));

    public static TeamsActivity Activity(string name)
    {
        var parsed = TeamsJson.Parse(Read(name));
        return parsed.Activity ?? throw new InvalidOperationException($"{name}: {parsed.Error}");
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatCrm.Channels.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "Teams", "Fixtures");
            }
        }

        throw new DirectoryNotFoundException($"No ChatCrm.Channels.Tests.csproj above {AppContext.BaseDirectory}.");
    }
}
