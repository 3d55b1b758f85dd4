namespace ChatCrm.Core.Conversations;

/// <summary>
/// The bot asked for something ("转给谁?") and waits for the answer in this conversation. The
/// channel layer owns the shape of <see cref="IntentJson"/>; the store only keeps it.
/// </summary>
public sealed record PendingQuestion(string ConversationKey, string MissingField, string IntentJson, DateTimeOffset AskedAt);
