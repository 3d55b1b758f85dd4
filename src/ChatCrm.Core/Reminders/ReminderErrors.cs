namespace ChatCrm.Core.Reminders;

/// <summary>No reminder has the id the person gave.</summary>
public sealed record ReminderNotFound(string? Reference) : CrmError
{
    public override string Code => "reminder_not_found";
}

/// <summary>The reminder is someone else's: only its owner closes or snoozes it.</summary>
public sealed record NotYourReminder(string ShortId) : CrmError
{
    public override string Code => "not_your_reminder";
}

/// <summary>The reminder is done or cancelled, so it cannot be snoozed (or, when cancelled, done).</summary>
public sealed record ReminderClosed(string ShortId, string Text, ReminderState State) : CrmError
{
    public override string Code => "reminder_closed";
}
