using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// An activity attachment; what we send is an Adaptive Card (<see cref="AdaptiveCardContentType"/>
/// with the card object as <see cref="Content"/>).
/// </summary>
public sealed record TeamsAttachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string ContentType { get; init; } = string.Empty;

    public string? ContentUrl { get; init; }

    /// <summary>A node rather than an element because cards are built with System.Text.Json.Nodes.</summary>
    public JsonNode? Content { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static TeamsAttachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
