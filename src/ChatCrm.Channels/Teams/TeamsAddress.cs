using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// Where a Teams delivery goes, as kept in the outbox: the conversation; the activity it answers
/// (null for a proactive message to the conversation); or the bot's own activity it replaces (a
/// card updated in place after a button press).
/// </summary>
public sealed record TeamsAddress(ConversationReference Conversation, string? ReplyToId, string? UpdateActivityId = null);
