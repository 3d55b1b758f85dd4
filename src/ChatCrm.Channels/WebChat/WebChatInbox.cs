using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Channels.WebChat;

/// <summary>
/// Delivers what the bot says on its own to a web chat user: their undelivered outbox messages,
/// rendered in their language and marked delivered in the same transaction, so each arrives once.
/// </summary>
public sealed class WebChatInbox(ICrmStore store, NoticeWriter notices, TimeProvider clock)
{
    private const int MaxPerPoll = 50;

    public async Task<IReadOnlyList<ChatReply>> CollectAsync(string userKey, CancellationToken cancellationToken)
    {
        // Pages poll every few seconds: look before taking the writer for an empty inbox.
        if ((await store.ReadAsync(session => session.Outbox.PendingFor(userKey, 1), cancellationToken)).Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var (messages, language) = await store.WriteAsync(session =>
        {
            var pending = session.Outbox.PendingFor(userKey, MaxPerPoll);
            foreach (var message in pending)
            {
                session.Outbox.Update(message with { State = OutboxState.Delivered, DeliveredAt = now, Attempts = message.Attempts + 1 });
            }

            return (pending, session.People.FindUser(userKey)?.Language ?? "zh");
        }, cancellationToken);
        return [.. messages.Select(message => notices.Write(message.Notice, language))];
    }
}
