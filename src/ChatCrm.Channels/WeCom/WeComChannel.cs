namespace ChatCrm.Channels.WeCom;

/// <summary>The WeCom channel's name, as turns, identities, personal chats and deliveries carry it.</summary>
public static class WeComChannel
{
    public const string Name = "wecom";
}
