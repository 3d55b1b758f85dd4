using ChatCrm.Core.Preferences;

namespace ChatCrm.Core.Reminders;

/// <summary>How long a due reminder is put off: the two buttons on its card.</summary>
public enum SnoozeLength
{
    /// <summary>An hour from now.</summary>
    OneHour,

    /// <summary>09:00 on the next calendar day on the owner's clock (<see cref="PersonalTimeZone"/>).</summary>
    Tomorrow,
}

/// <summary>When a snooze ends.</summary>
public static class SnoozeTime
{
    /// <summary>"Tomorrow" starts the working day: 09:00.</summary>
    public static readonly TimeOnly TomorrowAt = new(9, 0);

    /// <summary>
    /// Counted from <paramref name="now"/>, whenever the reminder was due, as the buttons say. "Tomorrow"
    /// is always the next calendar day in <paramref name="zone"/>, even just after midnight.
    /// </summary>
    public static DateTimeOffset Until(SnoozeLength length, DateTimeOffset now, TimeZoneInfo zone) => length switch
    {
        SnoozeLength.OneHour => now + TimeSpan.FromHours(1),
        SnoozeLength.Tomorrow => PersonalTimeZone.At(zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1), TomorrowAt),
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "Unknown snooze length."),
    };
}
