using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatCrm.TeamsApp;

/// <summary>
/// Builds the Teams app package, the zip an admin uploads to Teams or the Developer Portal, from the
/// sources in <c>manifests/teams/</c>: fills the bot's app id and the public host name into
/// <c>{{appId}}</c> and <c>{{hostName}}</c> in the manifest and its localization files, refuses what
/// Teams would refuse (a malformed app id or host name, a placeholder left over, an icon of the wrong
/// size), and writes the manifest and the files it names at the zip's root. A refusal writes nothing.
/// </summary>
public static partial class TeamsAppPackage
{
    public const string ManifestFileName = "manifest.json";
    public const string AppIdPlaceholder = "{{appId}}";
    public const string HostNamePlaceholder = "{{hostName}}";

    /// <summary>Where the sources live, relative to the repository root.</summary>
    public static string SourceFolderInRepository { get; } = Path.Combine("manifests", "teams");

    // The sizes Teams checks: color 192x192; outline 32x32, white on transparent; color32x32 is optional.
    private static readonly IconRule[] IconRules = [new("color", 192, NeedsAlpha: false, Required: true), new("outline", 32, NeedsAlpha: true, Required: true), new("color32x32", 32, NeedsAlpha: true, Required: false)];

    // Fixed, so the same sources and values give the same zip byte for byte.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The <c>manifests/teams</c> folder at or above <paramref name="startFolder"/>, or null when there is none.</summary>
    public static string? FindSource(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, SourceFolderInRepository);
            if (File.Exists(Path.Combine(candidate, ManifestFileName)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Where the zip goes unless told otherwise: <c>build/chatcrm-teams.zip</c> beside the sources, which git ignores.</summary>
    public static string DefaultOutput(string sourceFolder) => Path.Combine(sourceFolder, "build", "chatcrm-teams.zip");

    /// <summary>Checks the values and the sources in <paramref name="sourceFolder"/>, then writes the zip to <paramref name="outputPath"/>.</summary>
    /// <param name="sourceFolder">The folder holding manifest.json and the files it names.</param>
    /// <param name="appId">The bot's Microsoft App ID, a GUID: the Teams app id, the bot id and the SSO app id.</param>
    /// <param name="hostName">The public DNS name serving the bot and the tab, without scheme, path or port.</param>
    /// <param name="outputPath">The zip to write; its folder is created, an older zip replaced.</param>
    public static TeamsPackageResult Build(string sourceFolder, string appId, string hostName, string outputPath)
    {
        var problems = new List<string>();
        var id = CheckAppId(appId, problems);
        var host = CheckHostName(hostName, problems);
        if (Directory.Exists(outputPath))
        {
            problems.Add($"The output {outputPath} is a folder; name the zip file to write.");
        }

        if (id is null || host is null || problems.Count > 0)
        {
            return TeamsPackageResult.Refused(problems);
        }

        var files = ReadSources(sourceFolder, id, host, problems);
        if (problems.Count > 0)
        {
            return TeamsPackageResult.Refused(problems);
        }

        var zipPath = Path.GetFullPath(outputPath);
        WriteZip(files, zipPath);
        return TeamsPackageResult.Written(zipPath, files.Select(file => file.Name).ToList());
    }

    private static string? CheckAppId(string appId, List<string> problems)
    {
        if (!Guid.TryParseExact(appId.Trim(), "D", out var guid))
        {
            problems.Add($"The app id \"{appId}\" is not a GUID like 6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c; give the bot's Microsoft App ID.");
            return null;
        }

        if (guid == Guid.Empty)
        {
            problems.Add("The app id is the empty GUID; give the bot's Microsoft App ID.");
            return null;
        }

        return guid.ToString("D");
    }

    private static string? CheckHostName(string hostName, List<string> problems)
    {
        var host = hostName.Trim();
        var why = host switch
        {
            "" => "is empty",
            _ when host.Contains("://", StringComparison.Ordinal) => "has a scheme; give the host alone, e.g. crm.example.com rather than https://crm.example.com",
            _ when host.Contains('/') => "has a path; give the host alone, the manifest adds the paths",
            _ when IPAddress.TryParse(host, out _) => "is an IP address; Teams needs a DNS name (with a certificate for it)",
            _ when host.Contains(':') => "has a port; Teams reaches the tab on the https port, so give the host alone",
            _ when !DnsHostName().IsMatch(host) => "is not a DNS host name (dot-separated labels of ASCII letters, digits and hyphens)",
            _ => null,
        };
        if (why is not null)
        {
            problems.Add($"The host name \"{hostName}\" {why}.");
            return null;
        }

        return host.ToLowerInvariant();
    }

    private static List<PackageFile> ReadSources(string sourceFolder, string appId, string hostName, List<string> problems)
    {
        var manifestPath = Path.Combine(sourceFolder, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            problems.Add($"There is no {ManifestFileName} in {Path.GetFullPath(sourceFolder)}.");
            return [];
        }

        var manifestText = Fill(ManifestFileName, File.ReadAllText(manifestPath), appId, hostName, problems);
        if (ParseJson(ManifestFileName, manifestText, problems) is not JsonObject manifest)
        {
            return [];
        }

        var files = new List<PackageFile> { new(ManifestFileName, Utf8WithoutBom.GetBytes(manifestText)) };
        foreach (var (field, name) in LocalizationFiles(manifest))
        {
            if (ReadNamedFile(sourceFolder, field, name, problems) is { } content)
            {
                var text = Fill(name, Utf8WithoutBom.GetString(content).TrimStart('\uFEFF'), appId, hostName, problems);
                ParseJson(name, text, problems);
                files.Add(new PackageFile(name, Utf8WithoutBom.GetBytes(text)));
            }
        }

        foreach (var rule in IconRules)
        {
            var field = $"icons.{rule.Key}";
            if (manifest["icons"]?[rule.Key]?.GetValueKind() != JsonValueKind.String)
            {
                if (rule.Required)
                {
                    problems.Add($"{ManifestFileName} names no {field}.");
                }

                continue;
            }

            var name = manifest["icons"]![rule.Key]!.GetValue<string>();
            if (ReadNamedFile(sourceFolder, field, name, problems) is { } icon && CheckIcon(name, icon, rule, problems))
            {
                files.Add(new PackageFile(name, icon));
            }
        }

        return files.DistinctBy(file => file.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<(string Field, string Name)> LocalizationFiles(JsonObject manifest)
    {
        if (manifest["localizationInfo"]?["defaultLanguageFile"] is JsonValue defaultFile && defaultFile.TryGetValue<string>(out var name))
        {
            yield return ("localizationInfo.defaultLanguageFile", name);
        }

        if (manifest["localizationInfo"]?["additionalLanguages"] is JsonArray languages)
        {
            foreach (var language in languages)
            {
                if (language?["file"] is JsonValue file && file.TryGetValue<string>(out var fileName))
                {
                    yield return ("localizationInfo.additionalLanguages[].file", fileName);
                }
            }
        }
    }

    private static byte[]? ReadNamedFile(string sourceFolder, string field, string name, List<string> problems)
    {
        // Keeping every file beside the manifest keeps the zip flat, which is how Teams' samples ship.
        if (name.Length == 0 || name != Path.GetFileName(name) || name.Contains('\\') || name is "." or "..")
        {
            problems.Add($"{ManifestFileName} names \"{name}\" for {field}; name a file beside {ManifestFileName}, without folders.");
            return null;
        }

        var path = Path.Combine(sourceFolder, name);
        if (!File.Exists(path))
        {
            problems.Add($"{ManifestFileName} names \"{name}\" for {field}, but there is no such file in {Path.GetFullPath(sourceFolder)}.");
            return null;
        }

        return File.ReadAllBytes(path);
    }

    private static bool CheckIcon(string name, byte[] icon, IconRule rule, List<string> problems)
    {
        if (PngHeader.Read(icon) is not { } png)
        {
            problems.Add($"The icon {name} is not a PNG file.");
            return false;
        }

        var fine = true;
        if (png.Width != rule.Size || png.Height != rule.Size)
        {
            problems.Add($"The icon {name} (icons.{rule.Key}) is {png.Width}x{png.Height}; Teams wants {rule.Size}x{rule.Size}.");
            fine = false;
        }

        if (rule.NeedsAlpha && !png.HasAlphaChannel)
        {
            problems.Add($"The icon {name} (icons.{rule.Key}) has no alpha channel; Teams wants it on a transparent background.");
            fine = false;
        }

        return fine;
    }

    private static string Fill(string fileName, string text, string appId, string hostName, List<string> problems)
    {
        // Both values were checked to hold only GUID or host name characters, so they need no JSON escaping.
        var filled = text
            .Replace(AppIdPlaceholder, appId, StringComparison.Ordinal)
            .Replace(HostNamePlaceholder, hostName, StringComparison.Ordinal);
        var leftovers = Placeholder().Matches(filled).Select(match => match.Value).Distinct().ToList();
        if (leftovers.Count > 0)
        {
            problems.Add($"{fileName} still has {string.Join(", ", leftovers)}; only {AppIdPlaceholder} and {HostNamePlaceholder} are filled in.");
        }

        return filled;
    }

    private static JsonNode? ParseJson(string fileName, string text, List<string> problems)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException invalid)
        {
            problems.Add($"{fileName} is not valid JSON: {invalid.Message}");
            return null;
        }
    }

    private static void WriteZip(IReadOnlyList<PackageFile> files, string zipPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(zipPath)!);
        // Written under another name and moved in, so a failed write never leaves half a zip under the real one.
        var partial = zipPath + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var content = entry.Open();
                content.Write(file.Content);
            }
        }

        File.Move(partial, zipPath, overwrite: true);
    }

    [GeneratedRegex(@"\{\{[^{}\r\n]*\}\}")]
    private static partial Regex Placeholder();

    // RFC 1123 labels of at most 63 characters, at most 253 in all.
    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsHostName();

    private sealed record PackageFile(string Name, byte[] Content);

    private sealed record IconRule(string Key, int Size, bool NeedsAlpha, bool Required);
}
