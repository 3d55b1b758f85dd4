namespace ChatCrm.Core.Notifications;

public enum OutboxState
{
    Pending,
    Delivered,
    DeadLettered,
}

/// <summary>
/// A notice waiting to be delivered to one person. Written in the same transaction as the change
/// that caused it; a dispatcher (or the web chat inbox) delivers it later, so a crash loses nothing.
/// </summary>
public sealed record OutboxMessage(
    Guid Id,
    string RecipientKey,
    Notice Notice,
    DateTimeOffset CreatedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt)
{
    public static OutboxMessage New(Guid id, string recipientKey, Notice notice, DateTimeOffset now) =>
        new(id, recipientKey, notice, now, OutboxState.Pending, 0, now, null, null);
}
