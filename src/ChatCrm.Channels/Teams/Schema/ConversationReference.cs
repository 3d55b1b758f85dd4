namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// What is needed to message a conversation later, without an inbound activity to reply to
/// (proactive alerts, assignments): stored when a person first talks to the bot or installs it.
/// </summary>
/// <param name="ServiceUrl">The connector this tenant's conversations live on, as Teams sent it.</param>
/// <param name="ConversationId">
/// The conversation; null in a person's reference taken from a group chat, when their 1:1 chat
/// with the bot is not known yet and is opened with <c>POST v3/conversations</c> before sending.
/// </param>
/// <param name="BotId">The bot's channel account id ("28:…"): the <c>recipient</c> of inbound activities.</param>
/// <param name="UserId">The person's channel account id ("29:…"), needed to create a 1:1 conversation.</param>
/// <param name="UserAadObjectId">The person's Entra ID object id: how ChatCrm knows who it is.</param>
public sealed record ConversationReference(
    string ServiceUrl,
    string? ConversationId,
    string? TenantId,
    string BotId,
    string UserId,
    string? UserAadObjectId,
    string? ChannelId,
    string? ConversationType)
{
    /// <summary>The reference of the conversation an inbound activity came from; null if it lacks an essential id.</summary>
    public static ConversationReference? From(TeamsActivity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl)
            || activity.Conversation is not { Id.Length: > 0 } conversation
            || activity.Recipient is not { Id.Length: > 0 } bot
            || activity.From is not { Id.Length: > 0 } user)
        {
            return null;
        }

        // Teams puts the tenant on the conversation; older payloads only in channelData.tenant.id.
        var tenant = conversation.TenantId ?? TenantFromChannelData(activity);
        return new ConversationReference(activity.ServiceUrl, conversation.Id, tenant, bot.Id, user.Id, user.AadObjectId, activity.ChannelId, conversation.ConversationType);
    }

    /// <summary>True when this is the person's own 1:1 chat with the bot.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPersonalChat =>
        !string.IsNullOrEmpty(ConversationId) && string.Equals(ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How to reach this reference's person on their own: this chat when it is their 1:1 with the
    /// bot, else the same ids without the group conversation, so a 1:1 is opened when needed.
    /// </summary>
    public ConversationReference ForPersonalChat() =>
        IsPersonalChat ? this : this with { ConversationId = null, ConversationType = "personal" };

    private static string? TenantFromChannelData(TeamsActivity activity) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == System.Text.Json.JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : null;
}
