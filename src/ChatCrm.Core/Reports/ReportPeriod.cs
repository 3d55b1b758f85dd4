using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Core.Digest;

namespace ChatCrm.Core.Reports;

/// <summary>
/// The days a report covers, on the organisation's calendar, as the moments they span. Weeks are ISO
/// weeks (Monday first); quarters are calendar quarters. Every answer states the exact range.
/// </summary>
/// <param name="Key">"this_week", "last_month", … or "dates" for an explicit range.</param>
/// <param name="LastDay">Inclusive; for a period still running, the whole period (numbers so far).</param>
public sealed partial record ReportPeriod(string Key, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>When nothing is said: the month so far.</summary>
    public const string DefaultKey = "this_month";

    public static IReadOnlyList<string> Keys { get; } =
        ["today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year"];

    /// <summary>
    /// The period a word names ("this_week", "last-month", "上个月", "2026-11-01..2026-11-15",
    /// "2026-11-03"), on <paramref name="zone"/>'s calendar at <paramref name="now"/>; null when the
    /// word is not a period.
    /// </summary>
    public static ReportPeriod? Resolve(string? said, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var key = Normalise(said ?? DefaultKey);
        if (Range().Match(key) is { Success: true } range
            && DateOnly.TryParseExact(range.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            var to = range.Groups["to"].Success && DateOnly.TryParseExact(range.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) ? last : from;
            return to < from || to.DayNumber - from.DayNumber > 3660 ? null : Of("dates", from, to, zone);
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var year = new DateOnly(today.Year, 1, 1);
        return key switch
        {
            "today" => Of(key, today, today, zone),
            "yesterday" => Of(key, today.AddDays(-1), today.AddDays(-1), zone),
            "this_week" => Of(key, monday, monday.AddDays(6), zone),
            "last_week" => Of(key, monday.AddDays(-7), monday.AddDays(-1), zone),
            "this_month" => Of(key, month, month.AddMonths(1).AddDays(-1), zone),
            "last_month" => Of(key, month.AddMonths(-1), month.AddDays(-1), zone),
            "this_quarter" => Of(key, quarter, quarter.AddMonths(3).AddDays(-1), zone),
            "last_quarter" => Of(key, quarter.AddMonths(-3), quarter.AddDays(-1), zone),
            "this_year" => Of(key, year, year.AddYears(1).AddDays(-1), zone),
            "last_year" => Of(key, year.AddYears(-1), year.AddDays(-1), zone),
            _ => null,
        };
    }

    /// <summary>The period before, of the same kind: last week for this week, the month before, or as many days before.</summary>
    public ReportPeriod Previous(TimeZoneInfo zone) => Key switch
    {
        "this_month" or "last_month" => Of("previous", FirstDay.AddMonths(-1), FirstDay.AddDays(-1), zone),
        "this_quarter" or "last_quarter" => Of("previous", FirstDay.AddMonths(-3), FirstDay.AddDays(-1), zone),
        "this_year" or "last_year" => Of("previous", FirstDay.AddYears(-1), FirstDay.AddDays(-1), zone),
        _ => Of("previous", FirstDay.AddDays(-Days), FirstDay.AddDays(-1), zone),
    };

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public bool Contains(DateTimeOffset moment) => moment >= From && moment < To;

    /// <summary>"2026-11-16 – 2026-11-22"; a single day as itself.</summary>
    public string DayRange => FirstDay == LastDay
        ? FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{FirstDay:yyyy-MM-dd} – {LastDay:yyyy-MM-dd}";

    private static ReportPeriod Of(string key, DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        new(key, first, last, LocalDay.Start(first, zone), LocalDay.Start(last.AddDays(1), zone));

    // Chinese and English words as the embedded interpreter reads them, and the slash form "last-month".
    private static string Normalise(string said)
    {
        var text = said.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        if (DateForm().IsMatch(said.Trim()))
        {
            return said.Trim();
        }

        return text switch
        {
            "今天" or "今日" => "today",
            "昨天" or "昨日" => "yesterday",
            "本周" or "这周" => "this_week",
            "上周" => "last_week",
            "本月" or "这个月" => "this_month",
            "上月" or "上个月" => "last_month",
            "本季度" or "这个季度" => "this_quarter",
            "上季度" or "上个季度" => "last_quarter",
            "今年" or "本年" => "this_year",
            "去年" => "last_year",
            "week" => "this_week",
            "month" => "this_month",
            "quarter" => "this_quarter",
            "year" => "this_year",
            _ => text,
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateForm();

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|to|至|到)\s*(?<to>\d{4}-\d{2}-\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
