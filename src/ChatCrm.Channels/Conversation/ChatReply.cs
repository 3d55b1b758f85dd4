namespace ChatCrm.Channels.Conversation;

/// <summary>
/// What the bot says, channel-neutral: a sentence, key/value facts, and buttons. Teams renders it
/// as an Adaptive Card, WeCom as a template card or text, the web chat as HTML.
/// </summary>
public sealed record ChatReply(string Text, IReadOnlyList<ReplyFact> Facts, IReadOnlyList<ReplyAction> Actions)
{
    public static ChatReply Plain(string text) => new(text, [], []);
}

/// <summary>One understood value shown with a reply, e.g. ("阶段", "商务谈判").</summary>
public sealed record ReplyFact(string Label, string Value);

/// <summary>A button; pressing it sends <see cref="Payload"/> back as the next turn's action.</summary>
public sealed record ReplyAction(string Title, IReadOnlyDictionary<string, string> Payload);
