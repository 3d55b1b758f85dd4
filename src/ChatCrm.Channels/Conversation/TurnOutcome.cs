using ChatCrm.Core;

namespace ChatCrm.Channels.Conversation;

/// <summary>What carrying out an intent produced: the replies, and the refusal if it was refused.</summary>
public sealed record TurnOutcome(IReadOnlyList<ChatReply> Replies, CrmError? Error = null)
{
    public static TurnOutcome Say(ChatReply reply) => new([reply]);
}
