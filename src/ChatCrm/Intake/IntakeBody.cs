using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatCrm.Core.Intake;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Intake;

/// <summary>A body read into fields, or why it could not be (415 for another media type, 400 for a malformed body).</summary>
public sealed record IntakeBodyRead(IReadOnlyList<IntakeFieldValue>? Fields, int Status = StatusCodes.Status200OK, string? Problem = null);

/// <summary>
/// Reads an intake body as fields: a JSON object (<c>application/json</c>; strings, numbers and
/// booleans as text, null as blank, objects and arrays as "not a single value") or a form post
/// (<c>application/x-www-form-urlencoded</c>, the first value of a repeated field). Both as UTF-8.
/// </summary>
public static class IntakeBody
{
    private static readonly JsonDocumentOptions Json = new() { MaxDepth = 8 };

    public static IntakeBodyRead Read(string? contentType, ReadOnlySpan<byte> body)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        return mediaType switch
        {
            "application/json" => ReadJson(body),
            _ when mediaType?.EndsWith("+json", StringComparison.Ordinal) == true => ReadJson(body),
            "application/x-www-form-urlencoded" => ReadForm(body),
            _ => new IntakeBodyRead(null, StatusCodes.Status415UnsupportedMediaType, "Send application/json or application/x-www-form-urlencoded."),
        };
    }

    private static IntakeBodyRead ReadJson(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new IntakeBodyRead(null, StatusCodes.Status400BadRequest, "The body is JSON but not an object of fields.");
            }

            return new IntakeBodyRead([.. document.RootElement.EnumerateObject().Select(property => new IntakeFieldValue(property.Name, TextOf(property.Value)))]);
        }
        catch (JsonException)
        {
            return new IntakeBodyRead(null, StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => null,
    };

    private static IntakeBodyRead ReadForm(ReadOnlySpan<byte> body)
    {
        using var reader = new FormReader(Encoding.UTF8.GetString(body));
        return new IntakeBodyRead([.. reader.ReadForm().Select(field => new IntakeFieldValue(field.Key, field.Value.Count > 0 ? field.Value[0] ?? string.Empty : string.Empty))]);
    }
}
