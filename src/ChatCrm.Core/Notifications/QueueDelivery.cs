using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>
/// Puts a rendered, addressed message for a chat platform in the outbox; the dispatcher sends it
/// with retries. Channels never send inline, so a platform outage delays messages but loses none.
/// </summary>
public sealed class QueueDelivery(ICrmStore store, TimeProvider clock)
{
    public Task<Guid> HandleAsync(string recipientKey, Delivery delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var message = OutboxMessage.Send(Guid.CreateVersion7(now), recipientKey, delivery, now);
        return store.WriteAsync(session =>
        {
            session.Outbox.Enqueue(message);
            return message.Id;
        }, cancellationToken);
    }
}
