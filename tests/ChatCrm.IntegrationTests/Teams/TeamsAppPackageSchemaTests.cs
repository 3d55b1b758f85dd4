using System.Text.Json.Nodes;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The packaged manifest.json and zh-cn.json against Microsoft's schemas, offline, with NJsonSchema.
/// The schemas say draft-04 but lean on things NJsonSchema does not do: later keywords (const,
/// if/then, dependencies) and constraints beside a $ref, which draft-04 ignores and Microsoft's own
/// validator (Ajv) applies. Those are checked by hand here or shown not to reach anything the
/// manifest uses. Broken copies must fail, so a validator that accepts everything cannot pass.
/// </summary>
public sealed class TeamsAppPackageSchemaTests(BuiltTeamsPackage package, OfficialTeamsSchemas schemas)
    : IClassFixture<BuiltTeamsPackage>, IClassFixture<OfficialTeamsSchemas>
{
    // Where the manifest schema has rules NJsonSchema skips, and the manifest property that leads there
    // ("$ref" marks a $ref with constraints beside it).
    private static readonly Dictionary<string, string> UncheckedRules = new()
    {
        ["properties/manifestVersion/const"] = "manifestVersion",
        ["properties/agentConnectors/items/properties/toolSource/properties/remoteMcpServer/properties/authorization/if"] = "agentConnectors",
        ["properties/agentConnectors/items/properties/toolSource/properties/remoteMcpServer/properties/authorization/then"] = "agentConnectors",
        ["definitions/extensionRibbonsArrayTabsItem/dependencies"] = "extensions",
        ["definitions/extensionContentRuntimeArray/items/properties/requirements/$ref"] = "extensions",
        ["definitions/extensionGetStartedMessageArray/items/properties/requirements/$ref"] = "extensions",
        ["definitions/extensionContextMenuArray/items/properties/requirements/$ref"] = "extensions",
        ["definitions/extensionShortcut/properties/key/$ref"] = "extensions",
    };

    private static readonly string[] UncheckedKeywords = ["const", "if", "then", "else", "dependencies"];

    [Fact]
    public void The_manifest_is_valid_against_the_official_schema()
    {
        var errors = OfficialTeamsSchemas.Errors(schemas.Manifest, package.Text("manifest.json"));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_localization_file_is_valid_against_the_official_localization_schema()
    {
        var errors = OfficialTeamsSchemas.Errors(schemas.Localization, package.Text("zh-cn.json"));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_manifest_names_the_schema_version_it_is_validated_against()
    {
        var schema = ReadSchema("MicrosoftTeams.schema.json");

        // The schema pins the version with "const", which NJsonSchema does not check.
        Assert.Equal(schema["properties"]!["manifestVersion"]!["const"]!.GetValue<string>(), package.Manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{OfficialTeamsSchemas.Version}/MicrosoftTeams.schema.json", package.Manifest["$schema"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{OfficialTeamsSchemas.Version}/MicrosoftTeams.Localization.schema.json", package.Localization["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Rules_the_validator_skips_in_the_manifest_schema_guard_only_parts_the_manifest_leaves_out()
    {
        var found = UncheckedLocations(ReadSchema("MicrosoftTeams.schema.json"), "").ToList();

        // A new schema version with more of them fails here, so someone decides how to check those.
        Assert.Equal(UncheckedRules.Keys.Order(), found.Order());
        Assert.All(UncheckedRules.Values.Distinct().Where(property => property != "manifestVersion"), property => Assert.False(package.Manifest.ContainsKey(property), property));
    }

    [Fact]
    public void Localized_names_and_descriptions_fit_the_lengths_set_beside_a_reference()
    {
        var properties = ReadSchema("MicrosoftTeams.Localization.schema.json")["properties"]!.AsObject();
        var limited = properties.Where(property => property.Value!["$ref"] is not null && property.Value["maxLength"] is not null).ToList();

        Assert.NotEmpty(limited);
        Assert.All(limited, property => Assert.InRange(package.Localization[property.Key]?.GetValue<string>().Length ?? 0, 0, property.Value!["maxLength"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("developer", null, "PropertyRequired")]
    [InlineData("accentColor", null, "PropertyRequired")]
    [InlineData("id", "\"not-a-guid\"", "PatternMismatch")]
    [InlineData("bots", "[{\"botId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"scopes\":[\"meeting\"]}]", "NotInEnumeration")]
    [InlineData("staticTabs", "[{\"entityId\":\"myLeads\",\"scopes\":[\"personal\"],\"label\":\"My leads\"}]", "NoAdditionalPropertiesAllowed")]
    [InlineData("composeExtensions", "[{\"botId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"commands\":[{\"id\":\"logToCrm\",\"title\":\"Log this chat message to the CRM, please\"}]}]", "StringTooLong")]
    public void A_broken_manifest_fails_the_schema(string property, string? replacement, string expectedKind)
    {
        var broken = package.Manifest.DeepClone().AsObject();
        broken.Remove(property);
        if (replacement is not null)
        {
            broken[property] = JsonNode.Parse(replacement);
        }

        var errors = OfficialTeamsSchemas.Errors(schemas.Manifest, broken.ToJsonString());

        Assert.Contains(errors, error => error.StartsWith(expectedKind + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name.short", null, "PropertyRequired")]
    [InlineData("description.full", null, "PropertyRequired")]
    [InlineData("name.short", "\"   \"", "PatternMismatch")]
    [InlineData("bots[0].commandLists[3].commands[0].title", "\"帮助\"", "NoAdditionalPropertiesAllowed")]
    [InlineData("composeExtensions[0].commands[0].title", "\"记录到 CRM 记录到 CRM 记录到 CRM 记录到 CRM 记录到 CRM\"", "StringTooLong")]
    public void A_broken_localization_file_fails_the_schema(string key, string? replacement, string expectedKind)
    {
        var broken = package.Localization.DeepClone().AsObject();
        broken.Remove(key);
        if (replacement is not null)
        {
            broken[key] = JsonNode.Parse(replacement);
        }

        var errors = OfficialTeamsSchemas.Errors(schemas.Localization, broken.ToJsonString());

        Assert.Contains(errors, error => error.StartsWith(expectedKind + " ", StringComparison.Ordinal));
    }

    private static JsonNode ReadSchema(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OfficialTeamsSchemas.FolderPath, fileName)))!;

    private static IEnumerable<string> UncheckedLocations(JsonNode? node, string path)
    {
        if (node is JsonArray array)
        {
            return array.SelectMany((item, index) => UncheckedLocations(item, $"{path}/{index}"));
        }

        if (node is not JsonObject schema)
        {
            return [];
        }

        var keywords = schema.Where(pair => UncheckedKeywords.Contains(pair.Key)).Select(pair => pair.Key);
        var constrainedReference = schema.ContainsKey("$ref") && schema.Any(pair => pair.Key is not ("$ref" or "description" or "default"));
        var here = keywords.Concat(constrainedReference ? ["$ref"] : []).Select(keyword => $"{path}/{keyword}".TrimStart('/'));
        // Below "properties" and the like the keys are names, not keywords.
        var below = schema.SelectMany(pair => pair.Key is "properties" or "patternProperties" or "definitions" && pair.Value is JsonObject named
            ? named.SelectMany(child => UncheckedLocations(child.Value, $"{path}/{pair.Key}/{child.Key}"))
            : UncheckedLocations(pair.Value, $"{path}/{pair.Key}"));
        return here.Concat(below);
    }
}
