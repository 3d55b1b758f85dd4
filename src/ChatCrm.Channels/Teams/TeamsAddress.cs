using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// Where a Teams delivery goes, as kept in the outbox: the conversation, and the activity it answers
/// (null for a proactive message to the conversation).
/// </summary>
public sealed record TeamsAddress(ConversationReference Conversation, string? ReplyToId);
