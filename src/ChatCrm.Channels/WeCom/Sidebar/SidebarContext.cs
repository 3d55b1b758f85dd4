using System.Text.RegularExpressions;
using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// The chat the sidebar sits beside: a customer (external contact) in a single chat,
/// <c>contact:{external_userid}</c>, or a customer group, <c>group:{chat_id}</c>. The JS-SDK tells
/// the page which; the page tells the server.
/// </summary>
public sealed partial record SidebarContext
{
    public const string ContactKind = "contact";
    public const string GroupKind = "group";

    private SidebarContext(string kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary><see cref="ContactKind"/> or <see cref="GroupKind"/>.</summary>
    public string Kind { get; }

    /// <summary>WeCom's external_userid or chat_id.</summary>
    public string Id { get; }

    /// <summary>The turn's conversation id, e.g. <c>contact:wmAbC…</c>.</summary>
    public string ConversationId => $"{Kind}:{Id}";

    /// <summary>A context as the page sends it, <c>contact:…</c> or <c>group:…</c>; null when malformed.</summary>
    public static SidebarContext? Parse(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon < 0 ? null : Of(text![..colon], text[(colon + 1)..]);
    }

    /// <summary>A context of this kind and id; null when either is malformed.</summary>
    public static SidebarContext? Of(string kind, string? id) =>
        kind is ContactKind or GroupKind && id is not null && WeComId().IsMatch(id) ? new SidebarContext(kind, id) : null;

    /// <summary>What the member did in the sidebar, as the pipeline takes it: a WeCom turn in this chat.</summary>
    public ChatTurn TurnBy(string userId, string? messageId, string? text, IReadOnlyDictionary<string, string>? action, bool logsFollowUp = false) =>
        new(WeComChannel.Name, ConversationId, userId, messageId, text, action, logsFollowUp);

    /// <summary>How the store knows this chat for this member: the key the pipeline links leads to.</summary>
    public string ConversationKeyOf(string userId) => TurnBy(userId, null, null, null).ConversationKey;

    public override string ToString() => ConversationId;

    // WeCom's external_userid and chat_id are url-safe base64-like ids ("wmAbC…", "wrAbC…").
    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex WeComId();
}
