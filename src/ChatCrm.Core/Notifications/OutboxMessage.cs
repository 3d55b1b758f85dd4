namespace ChatCrm.Core.Notifications;

public enum OutboxState
{
    Pending,
    Delivered,
    DeadLettered,
}

/// <summary>
/// Something waiting to be said to one person: a <see cref="Notice"/> any channel can render (the
/// web chat inbox takes those), or a <see cref="Delivery"/> already rendered and addressed on one
/// platform, which the dispatcher sends with retries. Written in the same transaction as what caused
/// it, so a crash loses nothing.
/// </summary>
public sealed record OutboxMessage(
    Guid Id,
    string RecipientKey,
    Notice? Notice,
    DateTimeOffset CreatedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    Delivery? Delivery = null)
{
    public static OutboxMessage New(Guid id, string recipientKey, Notice notice, DateTimeOffset now) =>
        new(id, recipientKey, notice, now, OutboxState.Pending, 0, now, null, null);

    public static OutboxMessage Send(Guid id, string recipientKey, Delivery delivery, DateTimeOffset now) =>
        new(id, recipientKey, null, now, OutboxState.Pending, 0, now, null, null, delivery);
}
