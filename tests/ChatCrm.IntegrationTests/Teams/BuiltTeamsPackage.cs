using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.TeamsApp;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The Teams app package built once from the repository's manifests/teams/ with real values, and
/// read back from the zip: what Teams would be given.
/// </summary>
public sealed class BuiltTeamsPackage : IDisposable
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string HostName = "crm.contoso.example";

    private readonly TempFolder _folder = new();

    public BuiltTeamsPackage()
    {
        SourceFolder = TeamsAppPackage.FindSource(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("manifests/teams/manifest.json not found above the test binaries.");
        ZipPath = Path.Combine(_folder.Path, "chatcrm-teams.zip");
        Result = TeamsAppPackage.Build(SourceFolder, AppId, HostName, ZipPath);
        if (!Result.Succeeded)
        {
            throw new InvalidOperationException("The package was refused: " + string.Join(" ", Result.Problems));
        }

        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = zip.Entries.ToDictionary(entry => entry.FullName, Read, StringComparer.Ordinal);
        Manifest = JsonNode.Parse(Text("manifest.json"))!.AsObject();
        Localization = JsonNode.Parse(Text("zh-cn.json"))!.AsObject();
    }

    public string SourceFolder { get; }

    public string ZipPath { get; }

    public TeamsPackageResult Result { get; }

    /// <summary>Every file in the zip by its full name in the zip.</summary>
    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    public JsonObject Manifest { get; }

    public JsonObject Localization { get; }

    public string Text(string entryName) => Encoding.UTF8.GetString(Entries[entryName]);

    public void Dispose() => _folder.Dispose();

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
