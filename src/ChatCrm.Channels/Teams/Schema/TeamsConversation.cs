using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// The conversation an activity belongs to. Teams ids contain ':', '@' and ';'
/// ("19:…@thread.v2;messageid=…"), so they are escaped whenever they go into a URL.
/// </summary>
public sealed record TeamsConversation
{
    public string Id { get; init; } = string.Empty;

    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
