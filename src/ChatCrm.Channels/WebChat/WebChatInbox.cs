using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.WebChat;

/// <summary>Delivers what the bot says on its own to a web chat user, rendered in their language.</summary>
public sealed class WebChatInbox(TakeUndelivered takeUndelivered, NoticeWriter notices)
{
    public async Task<IReadOnlyList<ChatReply>> CollectAsync(string userKey, CancellationToken cancellationToken)
    {
        var undelivered = await takeUndelivered.HandleAsync(userKey, cancellationToken);
        return [.. undelivered.Messages.Where(message => message.Notice is not null).Select(message => notices.Write(message.Notice!, undelivered.Language, userKey))];
    }
}
