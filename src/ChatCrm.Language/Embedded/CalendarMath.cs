namespace ChatCrm.Language.Embedded;

/// <summary>Day arithmetic for the date grammar; weeks start on Monday.</summary>
internal static class CalendarMath
{
    public static int MondayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-MondayIndex(date.DayOfWeek));

    /// <summary>The next such weekday from today on; today counts.</summary>
    public static DateOnly Upcoming(DateOnly today, int mondayIndex) =>
        today.AddDays((mondayIndex - MondayIndex(today.DayOfWeek) + 7) % 7);

    /// <summary>That weekday in the Monday-based week <paramref name="weeksAhead"/> weeks from this one.</summary>
    public static DateOnly InWeek(DateOnly today, int weeksAhead, int mondayIndex) =>
        MondayOf(today).AddDays(7 * weeksAhead + mondayIndex);

    public static DateOnly EndOfMonth(DateOnly anyDay) =>
        new(anyDay.Year, anyDay.Month, DateTime.DaysInMonth(anyDay.Year, anyDay.Month));

    public static DateOnly? TryCreate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>The next such month and day from today on, rolling to a later year when it has passed.</summary>
    public static DateOnly? NextMonthDay(DateOnly today, int month, int day)
    {
        for (var year = today.Year; year <= today.Year + 4; year++)
        {
            if (TryCreate(year, month, day) is { } date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The next such day of a month from today on ("25号", "the 5th").</summary>
    public static DateOnly? NextDayOfMonth(DateOnly today, int day)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 12; i++)
        {
            var month = first.AddMonths(i);
            if (TryCreate(month.Year, month.Month, day) is { } date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    public static DateOnly? InMonth(DateOnly anyDayOfMonth, int day) =>
        TryCreate(anyDayOfMonth.Year, anyDayOfMonth.Month, day);

    /// <summary>A clock time from what was said; null when it is not a time of day.</summary>
    public static TimeOnly? ClockTime(int hour, int minute, DayPart part, Meridiem meridiem)
    {
        if (hour is < 0 or > 24 || minute is < 0 or > 59)
        {
            return null;
        }

        if (meridiem != Meridiem.None && hour is 0 or > 12)
        {
            return null;
        }

        hour = meridiem switch
        {
            Meridiem.Pm when hour < 12 => hour + 12,
            Meridiem.Am when hour == 12 => 0,
            Meridiem.None => ApplyDayPart(hour, part),
            _ => hour,
        };

        return new TimeOnly(hour % 24, minute);
    }

    private static int ApplyDayPart(int hour, DayPart part) => part switch
    {
        DayPart.Afternoon or DayPart.Evening when hour < 12 => hour + 12,
        DayPart.Noon when hour < 6 => hour + 12,
        DayPart.Morning => hour,
        // Nobody books a customer at 3 a.m.: a bare "3点" or "at 3" means the afternoon.
        DayPart.None when hour is >= 1 and <= 6 => hour + 12,
        _ => hour,
    };
}
