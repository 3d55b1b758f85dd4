using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>English dates and times: tomorrow, next Tuesday, in 3 days, end of month, Dec 3, 12/3, 3pm, at 10, noon.</summary>
internal static partial class EnglishTemporalRules
{
    private const string WeekdayName =
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri";

    private const string MonthName =
        "january|february|march|april|may|june|july|august|september|october|november|december" +
        "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    private const string CountWord =
        @"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|couple\s+of|a\s+few|few";

    private const string Unit = @"days?|weeks?|months?|hours?|hrs?|minutes?|mins?";

    public static void Collect(string text, DateTimeOffset now, List<TemporalToken> tokens)
    {
        if (!ScriptSplit.HasLatin(text) && !text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return;
        }

        var today = DateOnly.FromDateTime(now.DateTime);
        for (var match = DateExpression().Match(text); match.Success; match = match.NextMatch())
        {
            if (ReadDate(match, now, today) is { } token)
            {
                tokens.Add(token);
            }
        }

        for (var match = TimeExpression().Match(text); match.Success; match = match.NextMatch())
        {
            if (ReadTime(match) is { } token)
            {
                tokens.Add(token);
            }
        }

        for (var match = DayPartWord().Match(text); match.Success; match = match.NextMatch())
        {
            var part = EnglishCalendarWords.PartOf(match.Groups["part"].Value);
            tokens.Add(TemporalToken.ForPart(match.Index, match.Index + match.Length, part));
        }
    }

    private static TemporalToken? ReadDate(Match m, DateTimeOffset now, DateOnly today)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        DateOnly? date = null;
        if (m.Groups["dat"].Success)
        {
            date = today.AddDays(2);
        }
        else if (m.Groups["tom"].Success)
        {
            date = today.AddDays(1);
        }
        else if (m.Groups["tod"].Success)
        {
            var part = EnglishCalendarWords.PartOf(m.Groups["tpart"].Value);
            var said = m.Groups["tod"].Value;
            // "tonight" and "end of day" are still ahead; a bare "today" dates what was done.
            var isTonight = !said.Equals("today", StringComparison.OrdinalIgnoreCase) && part == DayPart.None;
            return TemporalToken.ForDate(
                start, end, today, isTonight ? DayPart.Evening : part,
                plainToday: !isTonight && part is DayPart.None or DayPart.Morning);
        }
        else if (m.Groups["yest"].Success)
        {
            date = today.AddDays(-1);
        }
        else if (m.Groups["wd"].Success)
        {
            date = Weekday(today, m.Groups["mod"].Value, m.Groups["nw"].Value, EnglishCalendarWords.WeekdayIndex(m.Groups["day"].Value));
        }
        else if (m.Groups["rel"].Success)
        {
            return Relative(m, now, today, start, end);
        }
        else if (m.Groups["halfh"].Success)
        {
            return TemporalToken.ForInstant(start, end, now.DateTime.AddMinutes(30));
        }
        else if (m.Groups["eom"].Success)
        {
            date = CalendarMath.EndOfMonth(m.Groups["nx"].Success ? today.AddMonths(1) : today);
        }
        else if (m.Groups["eow"].Success)
        {
            date = CalendarMath.InWeek(today, 0, 4) is var friday && friday >= today ? friday : CalendarMath.InWeek(today, 0, 6);
        }
        else if (m.Groups["eoy"].Success)
        {
            date = new DateOnly(today.Year, 12, 31);
        }
        else if (m.Groups["nwk"].Success)
        {
            date = CalendarMath.InWeek(today, 1, 0);
        }
        else if (m.Groups["nmo"].Success)
        {
            date = today.AddMonths(1);
        }
        else if (m.Groups["mdn"].Success || m.Groups["dmn"].Success)
        {
            date = MonthDay(today, EnglishCalendarWords.MonthIndex(m.Groups["mon"].Value), Int(m, "d"), m.Groups["y"]);
        }
        else if (m.Groups["dom"].Success)
        {
            date = CalendarMath.NextDayOfMonth(today, Int(m, "d"));
        }
        else if (m.Groups["iso"].Success)
        {
            date = CalendarMath.TryCreate(Int(m, "y"), Int(m, "m"), Int(m, "d"));
        }
        else if (m.Groups["num"].Success)
        {
            date = MonthDay(today, Int(m, "m"), Int(m, "d"), m.Groups["y"]);
        }

        return date is { } found ? TemporalToken.ForDate(start, end, found) : null;
    }

    private static DateOnly? MonthDay(DateOnly today, int month, int day, Group year)
    {
        if (!year.Success)
        {
            return CalendarMath.NextMonthDay(today, month, day);
        }

        var y = int.Parse(year.ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        return CalendarMath.TryCreate(y < 100 ? 2000 + y : y, month, day);
    }

    private static DateOnly Weekday(DateOnly today, string modifier, string weekWord, int mondayIndex)
    {
        if (weekWord.Length > 0)
        {
            return CalendarMath.InWeek(today, weekWord.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1 : 0, mondayIndex);
        }

        return modifier.ToLowerInvariant() switch
        {
            "next" => CalendarMath.InWeek(today, 1, mondayIndex),
            "last" => CalendarMath.InWeek(today, -1, mondayIndex),
            _ => CalendarMath.Upcoming(today, mondayIndex),
        };
    }

    private static TemporalToken? Relative(Match m, DateTimeOffset now, DateOnly today, int start, int end)
    {
        var count = EnglishCalendarWords.CountOf(m.Groups["n"].Value);
        if (count is <= 0 or > 1000)
        {
            return null;
        }

        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        return unit[0] switch
        {
            'd' => TemporalToken.ForDate(start, end, today.AddDays(count)),
            'w' => TemporalToken.ForDate(start, end, today.AddDays(7 * count)),
            'm' when unit.StartsWith("mo", StringComparison.Ordinal) => TemporalToken.ForDate(start, end, today.AddMonths(count)),
            'm' => TemporalToken.ForInstant(start, end, now.DateTime.AddMinutes(count)),
            _ => TemporalToken.ForInstant(start, end, now.DateTime.AddHours(count)),
        };
    }

    private static TemporalToken? ReadTime(Match m)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        if (m.Groups["noon"].Success)
        {
            return TemporalToken.ForTime(start, end, 12, 0, DayPart.Noon, Meridiem.None);
        }

        if (m.Groups["midnight"].Success)
        {
            return TemporalToken.ForTime(start, end, 0, 0, DayPart.None, Meridiem.Am);
        }

        // A bare number is a time only after "at"/"by"/"around": "at 10".
        if (m.Groups["bare"].Success && !m.Groups["pre"].Success)
        {
            return null;
        }

        var hour = Int(m, "h");
        var minute = m.Groups["min"].Success ? Int(m, "min") : 0;
        var meridiem = !m.Groups["ap"].Success ? Meridiem.None
            : char.ToLowerInvariant(m.Groups["ap"].ValueSpan[0]) == 'p' ? Meridiem.Pm : Meridiem.Am;
        if (hour > 24 || minute > 59)
        {
            return null;
        }

        return TemporalToken.ForTime(start, end, hour, minute, DayPart.None, meridiem);
    }

    private static int Int(Match m, string group) =>
        int.TryParse(m.Groups[group].ValueSpan, out var value) ? value : -1;

    [GeneratedRegex(
        @"(?<![A-Za-z0-9/])(?:" +
        @"(?<dat>(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr))" +
        @"|(?<tom>tomorrow|tmrw|tmr)" +
        @"|(?<tod>today|tonight|this\s+(?<tpart>morning|afternoon|evening)|(?:the\s+)?end\s+of\s+(?:the\s+)?day|eod|cob)" +
        @"|(?<yest>yesterday)" +
        @"|(?<wd>(?:(?<mod>next|this|coming|last|on|by|until|before)\s+)?(?<day>" + WeekdayName + @")(?:\s+(?<nw>next|this)\s+week)?)" +
        @"|(?<wd>(?<mod>next|this|coming|on|by)\s+(?<day>sat|sun))" +
        @"|(?<rel>(?:in|within|after)\s+(?<n>" + CountWord + @")\s+(?<unit>" + Unit + @"))" +
        @"|(?<rel>(?<n>" + CountWord + @")\s+(?<unit>" + Unit + @")\s+(?:from\s+now|later))" +
        @"|(?<halfh>in\s+half\s+an\s+hour)" +
        @"|(?<eom>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?<nx>next\s+)?month|month[\s-]end|eom)" +
        @"|(?<eow>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week)" +
        @"|(?<eoy>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year)" +
        @"|(?<nwk>next\s+week)" +
        @"|(?<nmo>next\s+month)" +
        @"|(?<mdn>(?<mon>" + MonthName + @")\.?\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?)" +
        @"|(?<dmn>(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + MonthName + @")\.?(?:,?\s+(?<y>\d{4}))?)" +
        @"|(?<dom>(?:on\s+)?the\s+(?<d>\d{1,2})(?:st|nd|rd|th))" +
        @"|(?<iso>(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2}))" +
        @"|(?<num>(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>\d{4}|\d{2}))?)" +
        @")(?![A-Za-z0-9/])",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DateExpression();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9:.])(?:(?<pre>at|by|around|@)\s*)?(?:" +
        @"(?<h>\d{1,2})(?:[:.](?<min>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?)(?![A-Za-z])" +
        @"|(?<h>\d{1,2}):(?<min>\d{2})(?![\d:])" +
        @"|(?<noon>noon|midday)(?![A-Za-z])" +
        @"|(?<midnight>midnight)(?![A-Za-z])" +
        @"|(?<h>\d{1,2})\s*o'?clock(?![A-Za-z])" +
        @"|(?<bare>(?<h>\d{1,2}))(?![\d:.,%]|\s*(?:k\b|days?|weeks?|hours?|hrs?|mins?|minutes?|months?|years?|people|persons|percent|usd|dollars|units|seats|licen[cs]es))" +
        @")",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex TimeExpression();

    [GeneratedRegex(@"(?<![A-Za-z])(?:in\s+the\s+)?(?<part>morning|afternoon|evening|night)(?![A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DayPartWord();
}
