using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ChatCrm.Cli;
using ChatCrm.TeamsApp;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// Building the Teams app package from manifests/teams/: what the zip holds, the values filled in,
/// the icons, and the refusals that write nothing.
/// </summary>
public sealed class TeamsAppPackageTests(BuiltTeamsPackage package) : IClassFixture<BuiltTeamsPackage>
{
    private const string GoodAppId = BuiltTeamsPackage.AppId;
    private const string GoodHostName = BuiltTeamsPackage.HostName;

    [Fact]
    public void The_zip_holds_the_manifest_its_localization_and_icons_at_its_root()
    {
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-cn.json"], package.Entries.Keys.Order());
    }

    [Fact]
    public void No_placeholder_is_left_in_any_file()
    {
        Assert.All(["manifest.json", "zh-cn.json"], name => Assert.DoesNotContain("{{", package.Text(name), StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_id_is_the_app_the_bot_the_message_action_and_the_sso_app()
    {
        var manifest = package.Manifest;

        Assert.Equal(
            [GoodAppId, GoodAppId, GoodAppId, GoodAppId, $"api://{GoodHostName}/{GoodAppId}"],
            [Text(manifest["id"]), Text(manifest["bots"]![0]!["botId"]), Text(manifest["composeExtensions"]![0]!["botId"]), Text(manifest["webApplicationInfo"]!["id"]), Text(manifest["webApplicationInfo"]!["resource"])]);
    }

    [Fact]
    public void Every_url_is_https_on_the_host_and_the_host_is_a_valid_domain()
    {
        var manifest = package.Manifest;
        string[] urls = [Text(manifest["developer"]!["websiteUrl"]), Text(manifest["developer"]!["privacyUrl"]), Text(manifest["developer"]!["termsOfUseUrl"]), Text(manifest["staticTabs"]![0]!["contentUrl"])];

        Assert.All(urls, url => Assert.StartsWith($"https://{GoodHostName}/", url, StringComparison.Ordinal));
        Assert.Equal([GoodHostName], manifest["validDomains"]!.AsArray().Select(Text));
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icons_have_the_size_Teams_requires(string name, int size, bool transparent)
    {
        var (width, height, colorType) = ReadIhdr(package.Entries[name]);

        Assert.Equal((size, size, transparent), (width, height, colorType is 4 or 6));
    }

    [Fact]
    public void The_same_sources_and_values_give_the_same_zip()
    {
        using var folder = new TempFolder();
        var again = Path.Combine(folder.Path, "again.zip");

        TeamsAppPackage.Build(package.SourceFolder, GoodAppId, GoodHostName, again);

        Assert.Equal(File.ReadAllBytes(package.ZipPath), File.ReadAllBytes(again));
    }

    [Theory]
    [InlineData("not-a-guid", GoodHostName, "not a GUID")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", GoodHostName, "not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", GoodHostName, "empty GUID")]
    [InlineData(GoodAppId, "https://crm.contoso.example", "has a scheme")]
    [InlineData(GoodAppId, "crm.contoso.example/bot", "has a path")]
    [InlineData(GoodAppId, "crm.contoso.example:8443", "has a port")]
    [InlineData(GoodAppId, "10.0.0.7", "IP address")]
    [InlineData(GoodAppId, "crm_contoso.example", "not a DNS host name")]
    [InlineData(GoodAppId, "", "is empty")]
    public void A_bad_app_id_or_host_name_is_refused_and_nothing_is_written(string appId, string hostName, string because)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "build", "chatcrm-teams.zip");

        var result = TeamsAppPackage.Build(package.SourceFolder, appId, hostName, output);

        Assert.Equal((false, true, false), (result.Succeeded, result.Problems.Any(problem => problem.Contains(because, StringComparison.Ordinal)), Directory.Exists(Path.GetDirectoryName(output))));
    }

    [Fact]
    public void A_placeholder_left_in_the_sources_is_refused_by_name_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var source = CopySources(folder.Path);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "manifest.json")))!.AsObject();
        manifest["webApplicationInfo"]!["resource"] = "api://{{hostName}}/{{tenantId}}";
        File.WriteAllText(Path.Combine(source, "manifest.json"), manifest.ToJsonString());
        var output = Path.Combine(folder.Path, "out.zip");

        var result = TeamsAppPackage.Build(source, GoodAppId, GoodHostName, output);

        Assert.Equal((false, true, false), (result.Succeeded, result.Problems.Any(problem => problem.Contains("{{tenantId}}", StringComparison.Ordinal)), File.Exists(output)));
    }

    [Fact]
    public void A_placeholder_left_in_the_localization_file_is_refused()
    {
        using var folder = new TempFolder();
        var source = CopySources(folder.Path);
        var localization = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "zh-cn.json")))!.AsObject();
        localization["name.full"] = "{{productName}}";
        File.WriteAllText(Path.Combine(source, "zh-cn.json"), localization.ToJsonString());

        var result = TeamsAppPackage.Build(source, GoodAppId, GoodHostName, Path.Combine(folder.Path, "out.zip"));

        Assert.Contains(result.Problems, problem => problem.StartsWith("zh-cn.json still has {{productName}}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outline_icon_of_the_wrong_size_is_refused()
    {
        using var folder = new TempFolder();
        var source = CopySources(folder.Path);
        File.Copy(Path.Combine(source, "color.png"), Path.Combine(source, "outline.png"), overwrite: true);

        var result = TeamsAppPackage.Build(source, GoodAppId, GoodHostName, Path.Combine(folder.Path, "out.zip"));

        Assert.Contains(result.Problems, problem => problem.Contains("outline.png (icons.outline) is 192x192; Teams wants 32x32", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_teams_package_verb_writes_the_zip()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "verb.zip");

        var exitCode = await CommandLine.RunAsync(["teams-package", "--app-id", GoodAppId, "--host-name", GoodHostName, "--source", package.SourceFolder, "--output", output]);

        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllBytes(package.ZipPath), File.ReadAllBytes(output));
    }

    [Fact]
    public async Task The_teams_package_verb_refuses_a_host_with_a_scheme_with_a_failing_exit_code()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "verb.zip");

        var exitCode = await CommandLine.RunAsync(["teams-package", "--app-id", GoodAppId, "--host-name", "https://" + GoodHostName, "--source", package.SourceFolder, "--output", output]);

        Assert.Equal((1, false), (exitCode, File.Exists(output)));
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private string CopySources(string folder)
    {
        var copy = Directory.CreateDirectory(Path.Combine(folder, "teams")).FullName;
        foreach (var file in Directory.GetFiles(package.SourceFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    // Read here rather than with the product's PngHeader, so the test does not trust the code it checks.
    private static (int Width, int Height, byte ColorType) ReadIhdr(byte[] png)
    {
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), png[25]);
    }
}
