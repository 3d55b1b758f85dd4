using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Which leads a person asks to see, and which report metric and period they ask about.</summary>
internal static partial class QueryVocabulary
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    /// <summary>The lead list named in the message, if any.</summary>
    public static LeadFilter? FindFilter(string text)
    {
        var m = ScriptSplit.Earliest(text, ChineseFilter(), EnglishFilter());
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["unclaimed"].Success ? LeadFilter.Unclaimed
            : m.Groups["stale"].Success ? LeadFilter.Stale
            : m.Groups["today"].Success ? LeadFilter.Today
            : LeadFilter.Mine;
    }

    /// <summary>The metric asked about ("funnel", "new_leads", "conversion", ...), or null.</summary>
    public static string? FindMetric(string text)
    {
        var m = Metric().Match(text);
        if (!m.Success)
        {
            return null;
        }

        foreach (var name in MetricNames)
        {
            if (m.Groups[name].Success)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The period asked about ("this_week", "last_month", ...), or null.</summary>
    public static string? FindPeriod(string text)
    {
        var m = Period().Match(text);
        if (!m.Success)
        {
            return null;
        }

        foreach (var name in PeriodNames)
        {
            if (m.Groups[name].Success)
            {
                return name;
            }
        }

        return null;
    }

    private static readonly string[] MetricNames =
        ["funnel", "win_rate", "conversion", "new_leads", "revenue", "won_deals", "followups", "ranking"];

    private static readonly string[] PeriodNames =
        ["today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year"];

    // Alternatives at one position are tried in order: "未认领" must be read before "认领".
    [GeneratedRegex(
        @"(?<unclaimed>未认领|没人认领|无人认领|待认领|没有认领|还没认领|没被认领|未被认领|未分配|没分配|公海)" +
        @"|(?<stale>\d+\s*天(?:以上|多)?(?:都|还|一直)?(?:没有?|未)(?:跟进|联系|动)|(?:没有?|未|很久没|好久没|长期没|一直没|太久没)(?:跟进|联系)|" +
        @"久未跟进|沉睡|停滞|超期|逾期)" +
        @"|(?<today>今[天日][^,.!?;]{0,8}?(?:跟进|联系|拜访|回访|打电话)|今日待办|今天的(?:任务|待办|跟进|客户)|待跟进|(?:要|需要|该|得)跟进)" +
        @"|(?<mine>我的(?:线索|客户|商机|单子|leads?)|我(?:负责|跟进|跟)的(?:线索|客户|商机)?|分配给我的|我名下)",
        Options)]
    private static partial Regex ChineseFilter();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:(?<unclaimed>unclaimed|unassigned|not\s+(?:yet\s+)?(?:claimed|assigned)|in\s+the\s+pool|pool)" +
        @"|(?<stale>stale|idle|dormant|neglected|overdue|untouched|not\s+(?:been\s+)?(?:followed|contacted|touched)|" +
        @"no\s+follow[- ]?ups?|haven'?t\s+(?:been\s+)?(?:followed|contacted|touched|called)|without\s+(?:a\s+)?follow[- ]?up)" +
        @"|(?<today>(?:follow[- ]?ups?|leads?|calls?|tasks?)\s+(?:due\s+|for\s+)?today|today'?s\s+(?:follow[- ]?ups?|leads|tasks|agenda|calls)|" +
        @"(?:call|contact|follow\s+up(?:\s+with)?|visit)\s+today|due\s+today|pending\s+follow[- ]?ups?|follow[- ]?ups?\s+due)" +
        @"|(?<mine>my\s+(?:leads|customers|clients|deals|accounts|pipeline|prospects|opportunities)|leads?\s+(?:assigned\s+to\s+me|i\s+own)))(?![A-Za-z])",
        Options)]
    private static partial Regex EnglishFilter();

    [GeneratedRegex(
        @"(?<funnel>漏斗|(?<![A-Za-z])(?:funnel|pipeline)(?![A-Za-z]))" +
        @"|(?<win_rate>赢单率|成交率|(?<![A-Za-z])(?:win|close)\s+rate(?![A-Za-z]))" +
        @"|(?<conversion>转化|(?<![A-Za-z])conversion(?![A-Za-z]))" +
        @"|(?<new_leads>新增|新线索|新客户|(?<![A-Za-z])new\s+(?:leads|customers|deals)(?![A-Za-z]))" +
        @"|(?<revenue>销售额|成交额|业绩|营收|收入|回款|(?<![A-Za-z])(?:revenue|sales|bookings)(?![A-Za-z]))" +
        @"|(?<won_deals>赢单|签约|成交|(?<![A-Za-z])(?:deals\s+won|won\s+deals)(?![A-Za-z]))" +
        @"|(?<followups>跟进|拜访|(?<![A-Za-z])(?:follow[- ]?ups?|visits|calls)(?![A-Za-z]))" +
        @"|(?<ranking>排行|排名|TOP\s*\d|(?<![A-Za-z])(?:top\s*\d+|leaderboard|ranking)(?![A-Za-z]))",
        Options)]
    private static partial Regex Metric();

    [GeneratedRegex(
        @"(?<today>今天|今日|(?<![A-Za-z])today(?![A-Za-z]))" +
        @"|(?<yesterday>昨天|昨日|(?<![A-Za-z])yesterday(?![A-Za-z]))" +
        @"|(?<this_week>本周|这周|这一周|这个?星期|(?<![A-Za-z])(?:this\s+week|weekly)(?![A-Za-z]))" +
        @"|(?<last_week>上周|上个?星期|上一周|(?<![A-Za-z])last\s+week(?![A-Za-z]))" +
        @"|(?<this_month>本月|这个?月|(?<![A-Za-z])(?:this\s+month|monthly)(?![A-Za-z]))" +
        @"|(?<last_month>上个?月|(?<![A-Za-z])last\s+month(?![A-Za-z]))" +
        @"|(?<this_quarter>本季度?|这个?季度|(?<![A-Za-z])(?:this\s+quarter|quarterly)(?![A-Za-z]))" +
        @"|(?<last_quarter>上个?季度|(?<![A-Za-z])last\s+quarter(?![A-Za-z]))" +
        @"|(?<this_year>今年|本年度?|(?<![A-Za-z])(?:this\s+year|ytd)(?![A-Za-z]))" +
        @"|(?<last_year>去年|(?<![A-Za-z])last\s+year(?![A-Za-z]))",
        Options)]
    private static partial Regex Period();
}
