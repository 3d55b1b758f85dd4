using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// A Bot Framework v3 activity, as Teams, the Emulator and the Agents Playground send it and as we
/// send replies: only the fields ChatCrm reads or writes are typed; everything else is kept in
/// <see cref="Extra"/> so nothing a channel sends is lost when an activity is logged or echoed.
/// Read it with <see cref="TeamsActivityViews"/>; build outgoing ones with <see cref="OutgoingActivities"/>.
/// </summary>
public sealed record TeamsActivity
{
    /// <summary>"message", "conversationUpdate", "invoke", …; see <see cref="ActivityTypes"/>.</summary>
    public string Type { get; init; } = string.Empty;

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Where replies go; Teams' ends with a slash, the Playground's does not (see <see cref="ConnectorUrls"/>).</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>"msteams" for Teams and the Playground, "emulator" for the Emulator.</summary>
    public string? ChannelId { get; init; }

    public TeamsAccount? From { get; init; }

    public TeamsConversation? Conversation { get; init; }

    /// <summary>On an inbound activity, the bot itself.</summary>
    public TeamsAccount? Recipient { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    /// <summary>"plain", "markdown" or "xml".</summary>
    public string? TextFormat { get; init; }

    /// <summary>A card's Action.Submit data on a message; the invoke's payload on an invoke.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The invoke's name, e.g. "adaptiveCard/action"; see <see cref="InvokeNames"/>.</summary>
    public string? Name { get; init; }

    /// <summary>"add" or "remove" on an installationUpdate.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<TeamsEntity>? Entities { get; init; }

    public IReadOnlyList<TeamsAttachment>? Attachments { get; init; }

    public IReadOnlyList<TeamsAccount>? MembersAdded { get; init; }

    public IReadOnlyList<TeamsAccount>? MembersRemoved { get; init; }

    /// <summary>Teams' own block (tenant, team, channel, eventType); kept raw because it varies by event.</summary>
    public JsonElement? ChannelData { get; init; }

    public string? Locale { get; init; }

    /// <summary>Fields we do not model (localTimestamp, inputHint, reactionsAdded, …), kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
