using System.CommandLine;
using ChatCrm.TeamsApp;

namespace ChatCrm.Cli;

/// <summary>
/// `teams-package --app-id GUID --host-name HOST`: the Teams app package zip from manifests/teams/,
/// ready to upload to Teams or the Developer Portal. Needs neither the store nor the server.
/// </summary>
public static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID); also the Teams app id and the tab's SSO app", Required = true };
        var hostName = new Option<string>("--host-name") { Description = "The public host serving the bot and the tab, e.g. crm.example.com (no https://, path or port)", Required = true };
        var output = new Option<string?>("--output") { Description = "The zip to write (default: manifests/teams/build/chatcrm-teams.zip)" };
        var source = new Option<string?>("--source") { Description = "The folder holding manifest.json (default: manifests/teams in this folder or one above it)" };
        var command = new Command("teams-package", "Build the Teams app package (manifest, zh-cn localization, icons) as a zip") { appId, hostName, output, source };
        command.SetAction(result => Run(result.GetValue(appId)!, result.GetValue(hostName)!, result.GetValue(output), result.GetValue(source)));
        return command;
    }

    private static int Run(string appId, string hostName, string? output, string? source)
    {
        var sourceFolder = source ?? TeamsAppPackage.FindSource(Environment.CurrentDirectory);
        if (sourceFolder is null)
        {
            Console.Error.WriteLine($"No {Path.Combine(TeamsAppPackage.SourceFolderInRepository, TeamsAppPackage.ManifestFileName)} in {Environment.CurrentDirectory} or a folder above it; run this in the repository or give --source.");
            return 2;
        }

        var result = TeamsAppPackage.Build(sourceFolder, appId, hostName, output ?? TeamsAppPackage.DefaultOutput(sourceFolder));
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("No package written:");
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine($"  - {problem}");
            }

            return 1;
        }

        Console.WriteLine($"Wrote {result.ZipPath} ({string.Join(", ", result.Entries)}).");
        return 0;
    }
}
