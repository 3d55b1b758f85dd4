namespace ChatCrm.Core.Access;

/// <summary>Who is acting, through which channel, and in which conversation (null from a job).</summary>
/// <param name="InboundKey">The channel's id for the message that asked for the act. A change
/// records it in its own transaction, so a retried message never changes anything twice.</param>
/// <param name="Origin">Where the person acted from, when the channel tells: audit entries record it.</param>
public sealed record Actor(User User, string Channel, string? ConversationKey, string? InboundKey = null, ActorOrigin? Origin = null)
{
    public string Key => User.Key;
}

/// <summary>The network address and client a person acted from, as far as the channel tells.</summary>
/// <param name="Device">A browser's User-Agent (cut short), or the chat client's platform.</param>
public sealed record ActorOrigin(string? Ip, string? Device)
{
    private const int LongestDevice = 160;

    public static ActorOrigin? Of(string? ip, string? device)
    {
        var client = string.IsNullOrWhiteSpace(device) ? null : device.Trim();
        return ip is null && client is null ? null : new ActorOrigin(ip, client is { Length: > LongestDevice } ? client[..LongestDevice] : client);
    }
}
