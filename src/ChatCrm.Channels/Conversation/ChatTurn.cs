namespace ChatCrm.Channels.Conversation;

/// <summary>
/// One thing a person did in a chat, as every channel hands it to the pipeline: a typed message or
/// a button press. Channels verify, decrypt and map their protocol to this; nothing else of the
/// protocol reaches the pipeline.
/// </summary>
/// <param name="Channel">"webchat", "cli", "teams", "wecom".</param>
/// <param name="SenderId">The channel's id for the person; the pipeline maps it to a CRM user.</param>
/// <param name="MessageId">The channel's id for the message, for dedupe of retries; null if none.</param>
/// <param name="Action">The payload of a pressed button, instead of text.</param>
/// <param name="LogsFollowUp">
/// The text is a follow-up to log on the chat's linked lead, whatever it says: a chat message the
/// person chose with "Log to CRM". Its date, channel and interest are still read from it.
/// </param>
/// <param name="Origin">The person's address and client where the channel tells; audit entries keep them.</param>
public sealed record ChatTurn(
    string Channel,
    string ConversationId,
    string SenderId,
    string? MessageId,
    string? Text,
    IReadOnlyDictionary<string, string>? Action,
    bool LogsFollowUp = false,
    Core.Access.ActorOrigin? Origin = null)
{
    public const string WebChat = "webchat";
    public const string Terminal = "cli";

    /// <summary>How the store knows this conversation, unique across channels and people.</summary>
    public string ConversationKey => $"{Channel}:{SenderId}:{ConversationId}";

    public string? InboundKey => MessageId is null ? null : $"{Channel}:{SenderId}:{MessageId}";
}
