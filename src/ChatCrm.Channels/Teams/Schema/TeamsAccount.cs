using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// A channel account: a person or the bot. In Teams <see cref="Id"/> is per bot ("29:…" for a
/// user, "28:…" for a bot), while <see cref="AadObjectId"/> is the person's Entra ID object id,
/// stable across bots, which is why ChatCrm maps people by it.
/// </summary>
public sealed record TeamsAccount
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
