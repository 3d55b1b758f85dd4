namespace ChatCrm.Core.Preferences;

/// <summary>
/// When a person does not want to be disturbed, on their own clock: from <see cref="Start"/> up to
/// (not including) <see cref="End"/>. A start after the end spans midnight (21:00–08:00 covers the
/// night); a start equal to the end means no quiet hours at all.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>What a person has until they say otherwise: 21:00 to 08:00.</summary>
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>No quiet hours: everything is sent at once.</summary>
    public static QuietHours Off { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool IsOff => Start == End;

    public bool SpansMidnight => Start > End;

    /// <summary>True when <paramref name="time"/> (on the person's clock) is inside the quiet hours.</summary>
    public bool Covers(TimeOnly time) =>
        !IsOff && (SpansMidnight ? time >= Start || time < End : time >= Start && time < End);

    /// <summary>
    /// When the quiet hours that <paramref name="moment"/> falls in end, in <paramref name="zone"/>;
    /// null when the moment is not in quiet hours.
    /// </summary>
    public DateTimeOffset? EndOf(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (!Covers(time))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(local);
        // Over midnight, the evening part ends the next morning; the early-morning part ends today.
        var endDay = SpansMidnight && time >= Start ? today.AddDays(1) : today;
        var end = PersonalTimeZone.At(zone, endDay, End);
        return end > moment ? end : null;
    }
}
