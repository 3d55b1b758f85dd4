using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>
/// Puts a rendered, addressed message for a chat platform in the outbox; the dispatcher sends it
/// with retries. Channels never send inline, so a platform outage delays messages but loses none.
/// </summary>
public sealed class QueueDelivery(ICrmStore store, TimeProvider clock)
{
    /// <param name="inboundKey">
    /// The platform message this answers when nothing else records it (a welcome on the bot being
    /// added): a retry of that message queues nothing again. Null when the answer comes from a turn,
    /// whose change already recorded it.
    /// </param>
    /// <returns>The queued message's id, or null when the inbound message was answered before.</returns>
    public Task<Guid?> HandleAsync(string recipientKey, Delivery delivery, string? inboundKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = OutboxMessage.Send(Guid.CreateVersion7(now), recipientKey, delivery, now);
        return store.WriteAsync<Guid?>(session =>
        {
            if (inboundKey is not null && !session.Conversations.TryRecordInbound(new InboundMessage(inboundKey, now)))
            {
                return null;
            }

            session.Outbox.Enqueue(message);
            return message.Id;
        }, cancellationToken);
    }
}
