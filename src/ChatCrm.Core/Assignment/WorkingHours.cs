using System.Globalization;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// When a team takes new leads: on <see cref="Days"/> from <see cref="Start"/> to <see cref="End"/>
/// in its time zone. Outside them leads wait, and a claim window counts working time only, so an
/// offer made at 17:50 with 30 minutes to claim runs until 09:20 on the next working day.
/// </summary>
/// <param name="TimeZone">An IANA id, e.g. Asia/Shanghai.</param>
public sealed record WorkingHours(string TimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Monday to Friday, 09:00 to 18:00, in <paramref name="timeZone"/>.</summary>
    public static WorkingHours Default(string timeZone) => new(timeZone, Weekdays, new TimeOnly(9, 0), new TimeOnly(18, 0));

    /// <summary>Null when usable; otherwise what is wrong, for a message naming the setting.</summary>
    public string? Problem() =>
        !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) ? $"'{TimeZone}' is not a known time zone id (use an IANA id such as Asia/Shanghai)"
        : Days.Count == 0 ? "no working days are given"
        : Start >= End ? $"the day must start before it ends ({Start.ToString("HH:mm", CultureInfo.InvariantCulture)} is not before {End.ToString("HH:mm", CultureInfo.InvariantCulture)}; overnight hours are not supported)"
        : null;

    public bool IsOpen(DateTimeOffset moment)
    {
        var local = Local(moment);
        var time = TimeOnly.FromDateTime(local);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }

    /// <summary>The moment itself when open, else the next opening.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset moment)
    {
        if (IsOpen(moment))
        {
            return moment;
        }

        var local = Local(moment);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            var opens = date.ToDateTime(Start);
            if (Days.Contains(date.DayOfWeek) && opens > local)
            {
                return Moment(opens);
            }
        }

        throw new InvalidOperationException($"Working hours {this} never open.");
    }

    /// <summary>The moment <paramref name="duration"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan duration)
    {
        var at = from;
        var left = duration;
        while (true)
        {
            at = NextOpening(at);
            var closes = Moment(DateOnly.FromDateTime(Local(at)).ToDateTime(End));
            if (at + left <= closes)
            {
                return at + left;
            }

            left -= closes - at;
            at = closes;
        }
    }

    private TimeZoneInfo Zone => CrmSettings.ResolveZone(TimeZone);

    private DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;

    private DateTimeOffset Moment(DateTime local) => new(local, Zone.GetUtcOffset(local));
}
