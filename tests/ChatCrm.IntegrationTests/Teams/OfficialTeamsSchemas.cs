using NJsonSchema;
using NJsonSchema.Validation;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// Microsoft's JSON schemas for the Teams app manifest and its localization files (copied from the
/// npm package @microsoft/app-manifest; see Schemas/README.md), loaded once for validation offline.
/// </summary>
public sealed class OfficialTeamsSchemas : IAsyncLifetime
{
    public const string Version = "1.30";

    public JsonSchema Manifest { get; private set; } = null!;

    public JsonSchema Localization { get; private set; } = null!;

    public static string FolderPath => Path.Combine(AppContext.BaseDirectory, "Teams", "Schemas", "v" + Version);

    public async Task InitializeAsync()
    {
        Manifest = await JsonSchema.FromFileAsync(Path.Combine(FolderPath, "MicrosoftTeams.schema.json"));
        Localization = await JsonSchema.FromFileAsync(Path.Combine(FolderPath, "MicrosoftTeams.Localization.schema.json"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Every error <paramref name="schema"/> finds in <paramref name="json"/>, nested ones (inside
    /// arrays, anyOf, oneOf) included, as "Kind at #/path" lines.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json) =>
        Flatten(schema.Validate(json)).Select(error => $"{error.Kind} at {error.Path}").ToList();

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(list => list)))
                {
                    yield return nested;
                }
            }
        }
    }
}
