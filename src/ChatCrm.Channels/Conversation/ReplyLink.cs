namespace ChatCrm.Channels.Conversation;

/// <summary>
/// A button that opens a web page instead of sending a turn back: a <see cref="ReplyAction"/>
/// whose payload holds only <see cref="UrlKey"/>. Teams draws it as Action.OpenUrl, WeCom as a
/// template card's jump link, the web chat as a link.
/// </summary>
public static class ReplyLink
{
    public const string UrlKey = "open_url";

    public static ReplyAction To(string title, string url) => new(title, new Dictionary<string, string> { [UrlKey] = url });

    /// <summary>The page a link button opens; null for a button that sends a turn.</summary>
    public static string? UrlOf(ReplyAction action) => action.Payload.TryGetValue(UrlKey, out var url) ? url : null;
}
