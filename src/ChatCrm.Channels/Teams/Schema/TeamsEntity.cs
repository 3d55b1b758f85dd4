using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// An entry of an activity's <c>entities</c>. Only mentions are typed ("mention": who was
/// mentioned and the exact <c>&lt;at&gt;…&lt;/at&gt;</c> text in the message); the rest
/// (clientInfo's locale, timezone, …) stays in <see cref="Extra"/>.
/// </summary>
public sealed record TeamsEntity
{
    public const string MentionType = "mention";

    public string Type { get; init; } = string.Empty;

    /// <summary>For a mention, the text as it appears in the message, e.g. "&lt;at&gt;ChatCrm&lt;/at&gt;".</summary>
    public string? Text { get; init; }

    public TeamsAccount? Mentioned { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
