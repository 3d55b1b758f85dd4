using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// JSON for the Bot Framework protocol: camelCase names, nulls left out of what we send, and a
/// parser that turns any body into an activity or a clear error, never an exception.
/// </summary>
public static class TeamsJson
{
    /// <summary>The options every Teams payload is read and written with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static ActivityParseResult Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static ActivityParseResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return ActivityParseResult.Failed("The request body is empty; expected a Bot Framework activity (a JSON object).");
        }

        try
        {
            // Look at the shape first, so "not an object" and "no type" get their own messages
            // instead of a serializer error about some property.
            using var document = JsonDocument.Parse(utf8Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ActivityParseResult.Failed($"The activity must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
            }

            if (!document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
            {
                return ActivityParseResult.Failed("The activity has no \"type\" string.");
            }

            var activity = document.RootElement.Deserialize<TeamsActivity>(Options);
            return activity is null
                ? ActivityParseResult.Failed("The activity is null.")
                : ActivityParseResult.Parsed(activity);
        }
        catch (JsonException exception)
        {
            return ActivityParseResult.Failed(Explain(exception));
        }
    }

    public static async Task<ActivityParseResult> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Bot Framework names are exact camelCase; matching loosely would hide a sender's typo.
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The default encoder writes every Chinese character as \uXXXX, tripling a card's size
            // against Teams' ~28 KB message limit; these bodies are never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string Explain(JsonException exception)
    {
        // A malformed body has a line and byte; a well-formed one with a wrong field type has a path.
        var where = exception.Path is { Length: > 1 } path ? $" at {path}"
            : exception.LineNumber is { } line ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}"
            : string.Empty;
        var reason = exception.InnerException?.Message ?? exception.Message;
        return $"The request body is not a valid Bot Framework activity{where}: {FirstSentence(reason)}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
