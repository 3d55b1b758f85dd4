namespace ChatCrm.Core.Access;

/// <summary>Who is acting, through which channel, and in which conversation (null from a job).</summary>
/// <param name="InboundKey">The channel's id for the message that asked for the act. A change
/// records it in its own transaction, so a retried message never changes anything twice.</param>
public sealed record Actor(User User, string Channel, string? ConversationKey, string? InboundKey = null)
{
    public string Key => User.Key;
}
