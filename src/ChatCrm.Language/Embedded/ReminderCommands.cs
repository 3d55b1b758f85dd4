namespace ChatCrm.Language.Embedded;

/// <summary>
/// The reminder and quiet-hours commands: /reminders, /reminder done &lt;id&gt;,
/// /reminder snooze &lt;id&gt; 1h|tomorrow, /quiet, /quiet 22:00-07:30, /quiet off.
/// </summary>
internal static class ReminderCommands
{
    /// <summary>"/reminder …": done or snooze; "/reminder" alone lists, as /reminders does.</summary>
    public static Intent Reminder(string args)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Word(int index) => index < words.Length ? words[index] : null;
        return Word(0)?.ToLowerInvariant() switch
        {
            null or "list" => new ListRemindersIntent(),
            "done" or "complete" or "完成" => new CompleteReminderIntent(Word(1)),
            "snooze" or "later" or "推迟" => new SnoozeReminderIntent(Word(1), ReminderWords.Snooze(string.Join(' ', words.Skip(2)))),
            _ => new UnknownIntent(),
        };
    }

    public static Intent Quiet(string args) =>
        args.Length == 0 ? new ShowQuietHoursIntent() : new SetQuietHoursIntent(ReminderWords.Quiet(args), args);
}
