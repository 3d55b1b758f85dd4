using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Chinese dates and times: 明天, 下周三, 3天后, 月底, 12月3号, 下午两点, 10点半, 半小时后.</summary>
internal static partial class ChineseTemporalRules
{
    private const string DayNumber = @"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";
    private const string MonthNumber = @"\d{1,2}|十[一二]?|[一二三四五六七八九]";
    private const string Count = @"\d{1,3}|[一二两三四五六七八九十]{1,3}";

    public static void Collect(string text, DateTimeOffset now, List<TemporalToken> tokens)
    {
        if (!LanguageDetector.HasCjk(text))
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
            if (ReadTime(match, text) is { } token)
            {
                tokens.Add(token);
            }
        }

        for (var match = DayPartWord().Match(text); match.Success; match = match.NextMatch())
        {
            var end = match.Index + match.Length;
            tokens.Add(match.ValueSpan is "中午"
                ? TemporalToken.ForTime(match.Index, end, 12, 0, DayPart.Noon, Meridiem.None)
                : TemporalToken.ForPart(match.Index, end, PartOf(match.ValueSpan)));
        }
    }

    private static TemporalToken? ReadDate(Match m, DateTimeOffset now, DateOnly today)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        var pre = m.Groups["pre"].Value;
        DateOnly? date = null;
        if (m.Groups["ymd"].Success)
        {
            date = CalendarMath.TryCreate(Int(m, "y"), Int(m, "m"), Int(m, "d"));
        }
        else if (m.Groups["md"].Success)
        {
            var year = m.Groups["yr"].Value;
            date = year.Length == 0
                ? CalendarMath.NextMonthDay(today, Int(m, "m"), Int(m, "d"))
                : CalendarMath.TryCreate(today.Year + (year == "明年" ? 1 : 0), Int(m, "m"), Int(m, "d"));
        }
        else if (m.Groups["nmd"].Success)
        {
            date = CalendarMath.InMonth(today.AddMonths(1), Int(m, "d"));
        }
        else if (m.Groups["tmd"].Success)
        {
            date = CalendarMath.InMonth(today, Int(m, "d"));
        }
        else if (m.Groups["eom"].Success)
        {
            date = m.Groups["m"].Success
                ? CalendarMath.NextMonthDay(today, Int(m, "m"), 1) is { } first ? CalendarMath.EndOfMonth(first) : null
                : CalendarMath.EndOfMonth(pre.StartsWith('下') ? today.AddMonths(1) : today);
        }
        else if (m.Groups["nms"].Success)
        {
            var month = pre.Length > 0 || today.Day > 1 ? today.AddMonths(1) : today;
            date = new DateOnly(month.Year, month.Month, 1);
        }
        else if (m.Groups["eoy"].Success)
        {
            date = new DateOnly(today.Year + (pre == "明" ? 1 : 0), 12, 31);
        }
        else if (m.Groups["wk"].Success)
        {
            date = Weekday(today, pre, WeekdayIndex(m.Groups["wd"].ValueSpan[0]));
        }
        else if (m.Groups["wkend"].Success)
        {
            date = pre.StartsWith('下') ? CalendarMath.InWeek(today, 1, 5) : CalendarMath.Upcoming(today, 5);
        }
        else if (m.Groups["nwk"].Success)
        {
            date = CalendarMath.InWeek(today, 1, 0);
        }
        else if (m.Groups["rel"].Success)
        {
            date = AfterDays(today, m.Groups["n"].ValueSpan, m.Groups["unit"].ValueSpan);
        }
        else if (m.Groups["relt"].Success)
        {
            return AfterClock(m, now) is { } instant ? TemporalToken.ForInstant(start, end, instant) : null;
        }
        else if (m.Groups["word"].Success)
        {
            return DayWord(m.Groups["word"].Value, today, start, end);
        }
        else if (m.Groups["dom"].Success)
        {
            date = CalendarMath.NextDayOfMonth(today, Int(m, "d"));
        }

        return date is { } found ? TemporalToken.ForDate(start, end, found) : null;
    }

    private static TemporalToken? DayWord(string word, DateOnly today, int start, int end) => word switch
    {
        "今天" or "今日" => TemporalToken.ForDate(start, end, today, plainToday: true),
        "今早" => TemporalToken.ForDate(start, end, today, DayPart.Morning, plainToday: true),
        "今晚" or "今夜" => TemporalToken.ForDate(start, end, today, DayPart.Evening),
        "明天" or "明日" => TemporalToken.ForDate(start, end, today.AddDays(1)),
        "明早" => TemporalToken.ForDate(start, end, today.AddDays(1), DayPart.Morning),
        "明晚" => TemporalToken.ForDate(start, end, today.AddDays(1), DayPart.Evening),
        "后天" => TemporalToken.ForDate(start, end, today.AddDays(2)),
        "大后天" => TemporalToken.ForDate(start, end, today.AddDays(3)),
        "昨天" or "昨日" => TemporalToken.ForDate(start, end, today.AddDays(-1)),
        "前天" => TemporalToken.ForDate(start, end, today.AddDays(-2)),
        _ => null,
    };

    private static DateOnly Weekday(DateOnly today, string prefix, int mondayIndex) => prefix switch
    {
        "" => CalendarMath.Upcoming(today, mondayIndex),
        "下下" or "下下个" => CalendarMath.InWeek(today, 2, mondayIndex),
        "下" or "下个" => CalendarMath.InWeek(today, 1, mondayIndex),
        "上" or "上个" => CalendarMath.InWeek(today, -1, mondayIndex),
        _ => CalendarMath.InWeek(today, 0, mondayIndex),
    };

    private static DateOnly? AfterDays(DateOnly today, ReadOnlySpan<char> count, ReadOnlySpan<char> unit)
    {
        if (count is "半")
        {
            return unit is "月" ? today.AddDays(15) : null;
        }

        if (!ChineseNumber.TryParseInt(count, out var n) || n > 400)
        {
            return null;
        }

        return unit switch
        {
            "天" or "日" => today.AddDays(n),
            "月" => today.AddMonths(n),
            _ => today.AddDays(7 * n),
        };
    }

    private static DateTime? AfterClock(Match m, DateTimeOffset now)
    {
        double amount = 0;
        if (m.Groups["n"].Success)
        {
            if (!ChineseNumber.TryParseInt(m.Groups["n"].ValueSpan, out var n) || n > 1000)
            {
                return null;
            }

            amount = n;
        }

        if (m.Groups["half"].Success)
        {
            amount += 0.5;
        }

        var span = m.Groups["unit"].ValueSpan is "分钟" ? TimeSpan.FromMinutes(amount) : TimeSpan.FromHours(amount);
        return now.DateTime + span;
    }

    private static TemporalToken? ReadTime(Match m, string text)
    {
        var hourText = m.Groups["h"].ValueSpan;
        var part = m.Groups["part"].Success ? PartOf(m.Groups["part"].ValueSpan) : DayPart.None;
        // "有一点兴趣", "一点点": 一点 is "a little", not one o'clock, unless a part of day says otherwise.
        if (hourText is "一" && part == DayPart.None && !m.Groups["min"].Success && !m.Groups["half"].Success
            && (m.Index > 0 && "有差一好快早慢多少这那点".Contains(text[m.Index - 1])
                || m.Index + m.Length < text.Length && "点儿".Contains(text[m.Index + m.Length])))
        {
            return null;
        }

        if (!ChineseNumber.TryParseInt(hourText, out var hour))
        {
            return null;
        }

        var minute = 0;
        if (m.Groups["half"].Success)
        {
            minute = 30;
        }
        else if (m.Groups["quarter"].Success)
        {
            minute = m.Groups["quarter"].ValueSpan is "三刻" ? 45 : 15;
        }
        else if (m.Groups["min"].Success && !ChineseNumber.TryParseInt(m.Groups["min"].ValueSpan, out minute))
        {
            return null;
        }

        if (hour > 24 || minute > 59)
        {
            return null;
        }

        return TemporalToken.ForTime(m.Index, m.Index + m.Length, hour, minute, part, Meridiem.None);
    }

    private static DayPart PartOf(ReadOnlySpan<char> word) => word switch
    {
        "凌晨" or "早上" or "早晨" or "上午" => DayPart.Morning,
        "中午" => DayPart.Noon,
        "午后" or "下午" => DayPart.Afternoon,
        "傍晚" or "晚上" or "夜里" or "夜间" => DayPart.Evening,
        _ => DayPart.None,
    };

    private static int WeekdayIndex(char day) => day switch
    {
        '一' or '1' => 0,
        '二' or '2' => 1,
        '三' or '3' => 2,
        '四' or '4' => 3,
        '五' or '5' => 4,
        '六' or '6' => 5,
        _ => 6,
    };

    private static int Int(Match m, string group) =>
        ChineseNumber.TryParseInt(m.Groups[group].ValueSpan, out var value) ? value : -1;

    [GeneratedRegex(
        @"(?<ymd>(?<y>\d{4})\s*[年./-]\s*(?<m>\d{1,2})\s*[月./-]\s*(?<d>\d{1,2})\s*[日号]?)" +
        @"|(?<md>(?<yr>明年|今年)?(?<m>" + MonthNumber + @")\s*月\s*(?<d>" + DayNumber + @")\s*[日号]?)" +
        @"|(?<nmd>下个?月\s*(?<d>" + DayNumber + @")\s*[日号])" +
        @"|(?<tmd>(?:这个?|本)月\s*(?<d>" + DayNumber + @")\s*[日号])" +
        @"|(?<eom>(?:(?<pre>下个?|这个?|本)|(?<m>" + MonthNumber + @"))?月[底末])" +
        @"|(?<nms>(?<pre>下个?)?月初)" +
        @"|(?<eoy>(?<pre>明)?年[底末])" +
        @"|(?<wk>(?<pre>下下个?|下个?|这个?|本|上个?)?(?:周|星期|礼拜|週)(?<wd>[一二三四五六日天七1-7]))" +
        @"|(?<wkend>(?<pre>下个?|这个?|本)?周末)" +
        @"|(?<nwk>下个?(?:周|星期|礼拜)(?![一二三四五六日天七1-7末]))" +
        @"|(?<rel>(?<n>" + Count + @"|半)\s*个?\s*(?<unit>天|日|周|星期|礼拜|月)\s*(?:以后|之后|后))" +
        @"|(?<rel>(?<![超经])再?过\s*(?<n>" + Count + @")\s*个?\s*(?<unit>天|日|周|星期|礼拜|月))" +
        @"|(?<relt>(?:(?<n>" + Count + @")(?<half>个半)?|(?<half>半))\s*个?\s*(?<unit>小时|钟头|分钟)\s*(?:以后|之后|后))" +
        @"|(?<word>大后天|后天|明天|明日|明早|明晚|今天|今日|今晚|今早|今夜|昨天|昨日|前天)" +
        @"|(?<dom>(?<![\d月一二三四五六七八九十])(?<d>" + DayNumber + @")\s*号)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DateExpression();

    [GeneratedRegex(
        @"(?<part>凌晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间)?\s*(?:" +
        @"(?<h>\d{1,2})\s*:\s*(?<min>\d{2})(?!\d)" +
        @"|(?<h>\d{1,2}|十[一二]?|[一二两三四五六七八九十])\s*[点點]\s*(?:(?<half>半)|(?<quarter>一刻|三刻)" +
        @"|(?<min>\d{1,2}|[一二三四五]?十[一二三四五六七八九]?|[零〇][一二三四五六七八九]|[一二三四五六七八九])\s*分" +
        @"|(?<min>\d{2})(?!\d)|整)?)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex TimeExpression();

    [GeneratedRegex(@"凌晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间", RegexOptions.CultureInvariant)]
    private static partial Regex DayPartWord();
}
