using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatCrm.Channels.Tests.WeCom.Crypto;

/// <summary>
/// WeCom's own JavaScript implementation of the callback crypto (npm <c>@wecom/crypto</c> 1.0.1),
/// run with Node.js: an implementation independent of ours to check against. The package is
/// installed once into a cache folder (<c>.ci/run</c> does it ahead; a test run without it
/// installs it from the npm registry). Node.js must be installed.
/// </summary>
internal static class IndependentWeComCrypto
{
    private const string Package = "@wecom/crypto@1.0.1";

    private static readonly Lazy<string> ModulesFolder = new(Install);

    public static JsonNode Run(JsonObject request)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "WeCom", "Crypto", "wecom-crypto-cli.js");
        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["NODE_PATH"] = ModulesFolder.Value;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.StandardInput.Write(request.ToJsonString());
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        return node.ExitCode == 0
            ? JsonNode.Parse(output)!
            : throw new InvalidOperationException($"@wecom/crypto failed ({node.ExitCode}): {errors}");
    }

    private static string Install()
    {
        var prefix = Environment.GetEnvironmentVariable("CHATCRM_WECOM_CRYPTO_PREFIX")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "chatcrm", "wecom-crypto");
        var modules = Path.Combine(prefix, "node_modules");
        if (File.Exists(Path.Combine(modules, "@wecom", "crypto", "package.json")))
        {
            return modules;
        }

        Directory.CreateDirectory(prefix);
        var install = new ProcessStartInfo("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--silent", Package])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm did not start");
        var errors = npm.StandardError.ReadToEnd();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        return npm.ExitCode == 0
            ? modules
            : throw new InvalidOperationException($"npm install {Package} failed ({npm.ExitCode}): {errors}");
    }
}
