namespace ChatCrm.Channels.Conversation;

/// <summary>
/// What the bot says, channel-neutral: a sentence, key/value facts, and buttons. Teams renders it
/// as an Adaptive Card, WeCom as a template card or text, the web chat as HTML.
/// </summary>
/// <param name="Image">A picture with the reply (a report's chart); the text and facts always carry the same numbers, for clients that draw no images.</param>
public sealed record ChatReply(string Text, IReadOnlyList<ReplyFact> Facts, IReadOnlyList<ReplyAction> Actions, ReplyImage? Image = null)
{
    public static ChatReply Plain(string text) => new(text, [], []);
}

/// <summary>One understood value shown with a reply, e.g. ("阶段", "商务谈判").</summary>
public sealed record ReplyFact(string Label, string Value);

/// <summary>A button; pressing it sends <see cref="Payload"/> back as the next turn's action.</summary>
public sealed record ReplyAction(string Title, IReadOnlyDictionary<string, string> Payload);

/// <summary>An image served by ChatCrm at <see cref="Url"/> (unguessable, expiring), with words for those who cannot see it.</summary>
public sealed record ReplyImage(string Url, string AltText);
