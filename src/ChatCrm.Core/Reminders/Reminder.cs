namespace ChatCrm.Core.Reminders;

public enum ReminderState
{
    Pending,
    Delivered,
    Done,
    Cancelled,
}

/// <summary>"Remind me tomorrow at 10 to call 王总": due at a moment, for one person.</summary>
public sealed record Reminder(
    Guid Id,
    string OwnerKey,
    DateTimeOffset DueAt,
    string Text,
    string? LeadNumber,
    ReminderState State,
    DateTimeOffset CreatedAt);
