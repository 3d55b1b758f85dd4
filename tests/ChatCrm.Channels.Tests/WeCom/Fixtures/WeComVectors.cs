using System.Text.Json;

namespace ChatCrm.Channels.Tests.WeCom.Fixtures;

/// <summary>
/// The official WeCom crypto vectors beside this file (a copy of ../shared/fixtures/wecom), read
/// from the source tree by walking up from the test binaries to the project folder.
/// </summary>
public static class WeComVectors
{
    private static readonly Lazy<JsonElement> Document = new(Load);

    /// <summary>The whole document: "jsapiSignature" and the "vectors" array.</summary>
    public static JsonElement Root => Document.Value;

    public static JsonElement JsApiSignature => Root.GetProperty("jsapiSignature");

    public static IEnumerable<JsonElement> Callbacks => Root.GetProperty("vectors").EnumerateArray();

    private static JsonElement Load()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "ChatCrm.Channels.Tests", "WeCom", "Fixtures", "vectors.json");
            if (File.Exists(candidate))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(candidate));
                return document.RootElement.Clone();
            }
        }

        throw new FileNotFoundException("tests/ChatCrm.Channels.Tests/WeCom/Fixtures/vectors.json was not found above " + AppContext.BaseDirectory);
    }
}
