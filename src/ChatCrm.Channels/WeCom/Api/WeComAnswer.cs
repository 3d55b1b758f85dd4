using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>What one WeCom API call answered: its errcode and errmsg, and the rest of the JSON.</summary>
internal sealed record WeComAnswer(int ErrorCode, string ErrorMessage, JsonObject Body)
{
    /// <summary>A string field of the answer; null when absent, empty or not a string.</summary>
    public string? Text(string name) =>
        Body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    /// <summary>A number field (WeCom sends some as strings); null when absent or not a number.</summary>
    public long? Number(string name) => Number(Body[name]);

    /// <summary>A user list, as WeCom writes it either way: <c>"a|b"</c> or <c>["a","b"]</c>.</summary>
    public IReadOnlyList<string> Users(string name) => Body[name] switch
    {
        JsonArray users => [.. users.OfType<JsonValue>().Where(user => user.GetValueKind() == JsonValueKind.String).Select(user => user.GetValue<string>())],
        JsonValue joined when joined.GetValueKind() == JsonValueKind.String =>
            joined.GetValue<string>().Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    public static long? Number(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<long>(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), out var parsed) => parsed,
            _ => null,
        }
        : null;
}
