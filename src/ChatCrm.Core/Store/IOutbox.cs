using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Store;

public interface IOutbox
{
    void Enqueue(OutboxMessage message);

    OutboxMessage? Find(Guid id);

    /// <summary>A person's undelivered notices (not channel deliveries), oldest first.</summary>
    IReadOnlyList<OutboxMessage> PendingFor(string recipientKey, int limit);

    /// <summary>
    /// Undelivered notices whose next routing attempt is due (to a person's chat with the bot),
    /// oldest first, whoever they are for.
    /// </summary>
    IReadOnlyList<OutboxMessage> NoticesDue(DateTimeOffset now, int limit);

    /// <summary>Undelivered channel deliveries whose next attempt is due, oldest first.</summary>
    IReadOnlyList<OutboxMessage> Due(DateTimeOffset now, int limit);

    /// <summary>Messages that ran out of attempts, newest first, for an admin to see and replay.</summary>
    IReadOnlyList<OutboxMessage> DeadLetters(int limit);

    void Update(OutboxMessage message);
}
