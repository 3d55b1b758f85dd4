namespace ChatCrm.Core.Access;

/// <summary>Who is acting, through which channel, and in which conversation (null from a job).</summary>
public sealed record Actor(User User, string Channel, string? ConversationKey)
{
    public string Key => User.Key;
}
