using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// Report answers: the number with its change against the period before, the exact range, the scope,
/// the definition line with the metric's id and version, the "as of" time and how many test records
/// were left out; a Details button listing the records behind it; the dictionary itself.
/// </summary>
/// <param name="charts">Where charts are served; null where none are (the terminal chat), and the reply is text and facts alone.</param>
/// <param name="exports">Where a number's records are downloaded in Excel; null where none are.</param>
public sealed class ReportReplies(CrmSettings settings, IChartLinks? charts = null, IReportExportLinks? exports = null)
{
    public ChatReply Answer(MetricAnswer answer, string userKey, string language)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var metric = answer.Metric;
        var result = answer.Result;
        var headline = answer.Period is { } period
            ? Say.In(language, "{0}({1}):{2}", "{0} ({1}): {2}", metric.Name(language), PeriodName(period.Key, language), Value(metric, result))
            : Say.In(language, "{0}(截至此刻):{1}", "{0} (as of now): {1}", metric.Name(language), Value(metric, result));
        var facts = new List<ReplyFact>();
        if (answer.Previous is { } previous)
        {
            facts.Add(ReplyWriter.Fact(language, "较上期", "vs previous period", Change(metric, result, previous, language)));
        }

        if (answer.Period is { } range)
        {
            facts.Add(ReplyWriter.Fact(language, "统计期", "Period", range.DayRange));
        }

        facts.Add(ReplyWriter.Fact(language, "范围", "Scope", ScopeName(answer, language)));
        facts.AddRange(result.Parts.Select(part => new ReplyFact(PartLabel(metric, part.Label, language), PartValue(metric, part, language))));
        facts.Add(ReplyWriter.Fact(language, "定义", "Definition", metric.DefinitionLine(language)));
        facts.Add(ReplyWriter.Fact(language, "截至", "As of", Words.Moment(answer.AsOf, settings.TimeZone)));
        facts.Add(ReplyWriter.Fact(language, "已排除", "Excluded", Say.In(language, "{0} 条测试/演示/内部数据", "{0} test, demo or internal records", result.Excluded)));
        var details = new MetricDetailsIntent(metric.Id, answer.Period?.Key == "dates" ? answer.Period.DayRange.Replace(" – ", "..", StringComparison.Ordinal) : answer.Period?.Key, answer.Team?.Key);
        var image = charts is null || Draw(answer, language) is not { } png ? null : new ReplyImage(
            charts.For(userKey, new MetricRequest(details.Metric, details.Period, details.Team), language, png),
            headline);
        return new ChatReply(headline, facts,
        [
            ReplyWriter.Button(Say.In(language, "明细({0} 条)", "Details ({0})", result.RecordCount), details, language),
            ReplyWriter.Button(Say.In(language, "定义", "Definition"), new ExplainMetricIntent(metric.Id), language),
        ], image);
    }

    // A chart is an extra: when it cannot be drawn (no CJK font, say) the numbers still answer in text.
    private static byte[]? Draw(MetricAnswer answer, string language)
    {
        try
        {
            return MetricChart.Render(answer, language);
        }
        catch (Exception exception) when (exception is TypeInitializationException or DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A moment on the organisation's clock, as every reply writes it.</summary>
    public string Moment(DateTimeOffset moment) => Words.Moment(moment, settings.TimeZone);

    public static string StageName(LeadStage stage, string language) => Words.Stage(stage, language);

    public static string PoolName(string language) => Say.In(language, "公海", "pool");

    public ChatReply Records(MetricRecords records, string userKey, string language)
    {
        ArgumentNullException.ThrowIfNull(records);
        var answer = records.Answer;
        var text = Say.In(language,
            "{0} 背后的 {1} 条记录{2}:",
            "The {1} records behind {0}{2}:",
            answer.Metric.Name(language),
            records.Total,
            records.Total > records.Rows.Count ? Say.In(language, "(列出前 {0} 条)", " (first {0} listed)", records.Rows.Count) : string.Empty);
        var facts = records.Rows.Select(row => new ReplyFact(
            $"{row.Lead.Number} {row.Lead.Name}",
            string.Join(" · ", new[]
            {
                row.OwnerName ?? Say.In(language, "公海", "pool"),
                Words.Stage(row.Lead.Stage, language),
                row.Lead.LastFollowUpAt is { } last ? Say.In(language, "最近跟进 {0}", "last activity {0}", Words.Moment(last, settings.TimeZone)) : Say.In(language, "未跟进", "no activity"),
                row.Detail,
            }.Where(part => !string.IsNullOrEmpty(part))))).ToList();
        var asked = records.Answer;
        var request = new MetricRequest(asked.Metric.Id, asked.Period?.Key == "dates" ? asked.Period.DayRange.Replace(" – ", "..", StringComparison.Ordinal) : asked.Period?.Key, asked.Team?.Key);
        ReplyAction[] actions = exports is null || records.Total == 0 ? [] : [ReplyLink.To(Say.In(language, "导出 Excel", "Export to Excel"), exports.For(userKey, request, language))];
        return new ChatReply(records.Total == 0 ? Say.In(language, "没有记录。", "No records.") : text, facts, actions);
    }

    public ChatReply Dictionary(IReadOnlyList<MetricDefinition> metrics, string language) => new(
        Say.In(language, "指标字典(发送 /metrics 指标 查看定义,/report 指标 期间 team=团队 查询):", "The metrics dictionary (send /metrics <id> for a definition, /report <id> <period> team=<team> for a number):"),
        [.. metrics.Select(metric => new ReplyFact(metric.Id, $"{metric.Name(language)} · v{metric.Version}"))],
        []);

    public ChatReply Changed(MetricChanged changed, string language)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return new ChatReply(
            Say.In(language, "{0} 的定义已更新为第 {1} 版,已记入审计。", "{0}'s definition is now version {1}; the change is audited.", changed.After.Id, changed.After.Version),
            [
                ReplyWriter.Fact(language, "之前", "Before", changed.Before.DefinitionLine(language)),
                ReplyWriter.Fact(language, "现在", "Now", changed.After.DefinitionLine(language)),
            ],
            []);
    }

    public ChatReply Recounted(TallyRecount recount, string language)
    {
        ArgumentNullException.ThrowIfNull(recount);
        var headline = recount switch
        {
            { WasCounted: false } => Say.In(language, "报表计数已按当前规则从 {0} 条线索重新统计。", "The report tallies were counted afresh from {0} leads under the current rules.", recount.Leads),
            { Differing: 0 } => Say.In(language, "报表计数与 {0} 条线索的全量重算一致,无需修正。", "The report tallies equal a full recount of {0} leads: nothing to mend.", recount.Leads),
            _ => Say.In(language, "报表计数有 {0} 页与全量重算不一致,已按重算结果修正。", "{0} pages of the report tallies differed from a full recount; they were mended.", recount.Differing),
        };
        return new ChatReply(headline,
        [
            ReplyWriter.Fact(language, "线索", "Leads", recount.Leads.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "计数页", "Pages", recount.Pages.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "不一致", "Differing", recount.Differing.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "用时", "Took", recount.Took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"),
        ], []);
    }

    public ChatReply Explain(MetricDefinition metric, string language) => new(
        Say.In(language, "{0}({1},第 {2} 版)", "{0} ({1}, version {2})", metric.Name(language), metric.Id, metric.Version),
        [
            ReplyWriter.Fact(language, "定义", "Definition", metric.DefinitionLine(language)),
            ReplyWriter.Fact(language, "也叫", "Also called", string.Join(", ", metric.Synonyms.Take(8))),
        ],
        [ReplyWriter.Button(Say.In(language, "本月数值", "This month"), new QueryReportIntent(metric.Id, ReportPeriod.DefaultKey), language)]);

    /// <summary>"转化率" names two metrics: one button each, re-asking with that metric.</summary>
    public static ChatReply Which(AmbiguousMetric ambiguous, QueryReportIntent asked, string language) => new(
        Say.In(language, "「{0}」有不同的算法,你指的是哪一个?", "\"{0}\" is measured more than one way. Which do you mean?", ambiguous.Said),
        [.. ambiguous.Candidates.Select(metric => new ReplyFact(metric.Name(language), metric.DefinitionLine(language)))],
        [.. ambiguous.Candidates.Select(metric => ReplyWriter.Button(metric.Name(language), asked with { Metric = metric.Id }, language))]);

    public static ChatReply Refused(CrmError error, Intent intent, string language) => error switch
    {
        AmbiguousMetric ambiguous when intent is QueryReportIntent asked => Which(ambiguous, asked, language),
        AmbiguousMetric ambiguous when intent is MetricDetailsIntent details => Which(ambiguous, new QueryReportIntent(details.Metric, details.Period, details.Team), language),
        AmbiguousMetric ambiguous => Which(ambiguous, new QueryReportIntent(null, null), language),
        UnknownMetric unknown => ChatReply.Plain(Say.In(language,
            "没有叫「{0}」的指标。发送 /metrics 查看全部指标。",
            "There is no metric called \"{0}\". Send /metrics for the list.",
            unknown.Said ?? string.Empty)),
        UnknownPeriod period => ChatReply.Plain(Say.In(language,
            "「{0}」不是统计期。可以说 本周、上月、本季度,或 2026-11-01..2026-11-15。",
            "\"{0}\" is not a period. Say this week, last month, this quarter, or 2026-11-01..2026-11-15.",
            period.Said)),
        NotPermitted when intent is RecountReportsIntent => ChatReply.Plain(Say.In(language, "抱歉,只有管理员可以重算报表。", "Sorry, only an admin can recount the reports.")),
        NotPermitted when intent is ChangeMetricIntent => ChatReply.Plain(Say.In(language, "抱歉,只有管理员可以修改指标定义。", "Sorry, only an admin can change a metric's definition.")),
        NotPermitted => ChatReply.Plain(Say.In(language, "抱歉,你不能查看这个范围的报表。", "Sorry, you may not see reports for that scope.")),
        InvalidMetricParameter invalid when invalid.Allowed.Count == 0 => ChatReply.Plain(Say.In(language,
            "{0} 没有可以调整的参数。", "{0} has no parameter an admin can change.", invalid.MetricId)),
        InvalidMetricParameter invalid => ChatReply.Plain(Say.In(language,
            "{0} 可以调整的是:{1}。例如 /admin metric set {0} {2}={3} reason=原因",
            "{0} can be changed in: {1}. For example /admin metric set {0} {2}={3} reason=why",
            invalid.MetricId,
            string.Join(", ", invalid.Allowed.Select(pair => $"{pair.Key} ({pair.Value.Min}–{pair.Value.Max})")),
            invalid.Allowed.First().Key,
            invalid.Allowed.First().Value.Min)),
        MissingValue { Field: "reason" } => ChatReply.Plain(Say.In(language,
            "为什么要改这个定义?请说明原因(会记入审计)。", "Why change this definition? Say the reason (it goes into the audit trail).")),
        NoChange => ChatReply.Plain(Say.In(language, "定义没有变化。", "The definition is already so.")),
        InvalidValue { Field: "team" } team => ChatReply.Plain(Say.In(language, "没有团队「{0}」。", "There is no team \"{0}\".", team.Given ?? string.Empty)),
        _ => ErrorReplies.For(error, intent, language),
    };

    /// <summary>The number as every channel and the dashboard show it: "42.9% (3/7)", "¥1,200,000", "3.5 d".</summary>
    public static string Value(MetricDefinition metric, MetricResult result)
    {
        if (result.Value is not { } value)
        {
            return "—";
        }

        var number = metric.Unit switch
        {
            MetricUnit.Percent => value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
            MetricUnit.Hours => value.ToString("0.#", CultureInfo.InvariantCulture) + " h",
            MetricUnit.Days => value.ToString("0.#", CultureInfo.InvariantCulture) + " d",
            MetricUnit.Money => "¥" + value.ToString("#,0", CultureInfo.InvariantCulture),
            _ => value.ToString("#,0.#", CultureInfo.InvariantCulture),
        };
        return result.Denominator is { } denominator && metric.Unit == MetricUnit.Percent ? $"{number} ({result.Numerator}/{denominator})" : number;
    }

    /// <summary>The change against the period before: "+5.2 points (was 37.7%)", "−3 (was 12)".</summary>
    public static string Change(MetricDefinition metric, MetricResult now, MetricResult before, string language)
    {
        if (now.Value is not { } current || before.Value is not { } previous)
        {
            return Say.In(language, "上期无数据", "no data for the previous period");
        }

        var delta = current - previous;
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        var size = Math.Abs(delta).ToString(metric.Unit == MetricUnit.Money ? "#,0" : "0.#", CultureInfo.InvariantCulture);
        return metric.Unit == MetricUnit.Percent
            ? Say.In(language, "{0}{1} 个百分点(上期 {2}%)", "{0}{1} points (was {2}%)", sign, size, previous.ToString("0.#", CultureInfo.InvariantCulture))
            : Say.In(language, "{0}{1}(上期 {2})", "{0}{1} (was {2})", sign, size, previous.ToString(metric.Unit == MetricUnit.Money ? "#,0" : "0.#", CultureInfo.InvariantCulture));
    }

    public static string ScopeName(MetricAnswer answer, string language) =>
        answer.Team is { } team ? Say.In(language, "团队 {0}", "team {0}", team.Name)
        : answer.Scope switch
        {
            AccessScope.All => Say.In(language, "全部", "everyone"),
            AccessScope.Region => Say.In(language, "本大区", "your region"),
            AccessScope.Team => Say.In(language, "本团队", "your team"),
            _ => Say.In(language, "我的线索", "your own leads"),
        };

    public static string PartLabel(MetricDefinition metric, string label, string language) =>
        metric.Id == MetricDictionary.PipelineByStage && Enum.TryParse<LeadStage>(label, ignoreCase: true, out var stage) ? Words.Stage(stage, language) : label;

    public static string PartValue(MetricDefinition metric, MetricPart part, string language) =>
        metric.Unit == MetricUnit.Money
            ? Say.In(language, "¥{0}({1} 条)", "¥{0} ({1})", part.Value.ToString("#,0", CultureInfo.InvariantCulture), part.Count)
            : part.Value.ToString("#,0.#", CultureInfo.InvariantCulture);

    public static string PeriodName(string key, string language) => key switch
    {
        "today" => Say.In(language, "今天", "today"),
        "yesterday" => Say.In(language, "昨天", "yesterday"),
        "this_week" => Say.In(language, "本周", "this week"),
        "last_week" => Say.In(language, "上周", "last week"),
        "this_month" => Say.In(language, "本月", "this month"),
        "last_month" => Say.In(language, "上月", "last month"),
        "this_quarter" => Say.In(language, "本季度", "this quarter"),
        "last_quarter" => Say.In(language, "上季度", "last quarter"),
        "this_year" => Say.In(language, "今年", "this year"),
        "last_year" => Say.In(language, "去年", "last year"),
        _ => Say.In(language, "所选日期", "the dates asked"),
    };
}
