using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Digest;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reports;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// The manager's daily digest as one card: the metrics dictionary's numbers for the team with
/// their change (the same numbers the chat and the dashboard give), the pipeline as its one chart,
/// the leads that need a look today (overdue deals, not contacted within the SLA, quiet for a
/// week) each with a Details button, the three quickest responders, the "as of" time on the
/// team's clock, and a link to the full report.
/// </summary>
internal static class DigestCards
{
    public static ChatReply Digest(Notice notice, string language, IChartLinks? charts = null, string? recipientKey = null)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Arg("zone"), out var found) ? found : TimeZoneInfo.Utc;
        var asOfMoment = DateTimeOffset.TryParse(Arg("as_of"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : (DateTimeOffset?)null;
        var asOf = asOfMoment is { } at ? Words.Moment(at, zone) : Arg("as_of");
        var metrics = DigestJson.ReadMetrics(Arg("metrics"));
        var exceptions = DigestJson.ReadExceptions(Arg("exceptions"));
        var counts = DigestJson.ReadCounts(Arg("exception_counts"));
        var fastest = DigestNotice.Fastest(notice);
        var facts = new List<ReplyFact>();
        foreach (var shown in metrics)
        {
            if (MetricDictionary.Find(shown.MetricId) is { } metric)
            {
                facts.Add(new ReplyFact(Say.In(language, "{0}({1})", "{0} ({1})", metric.Name(language), PeriodWord(shown, language)), Number(metric, shown, language)));
            }
        }

        if (metrics.Count > 0)
        {
            // Every number carries its definition's id and version, as every report answer does.
            facts.Add(ReplyWriter.Fact(language, "口径", "Definitions", string.Join(" · ", metrics.Select(shown => $"{shown.MetricId} v{shown.Version}"))));
        }
        else
        {
            // A digest sent before it carried the dictionary's numbers still says what it counted.
            facts.Add(ReplyWriter.Fact(language, "新线索", "New leads", Say.In(language, "昨天 {0} · 前天 {1}", "yesterday {0} · day before {1}", Arg("new"), Arg("new_before"))));
        }

        facts.Add(ReplyWriter.Fact(language, "待处理", "Needs a look", string.Join(" · ", Enum.GetValues<DigestExceptionKind>()
            .Select(kind => $"{KindName(kind, language)} {counts.GetValueOrDefault(kind)}"))));
        facts.AddRange(exceptions.Select(exception => new ReplyFact("⚠️ " + KindName(exception.Kind, language), Describe(exception, asOfMoment ?? exception.Since, language))));
        facts.Add(ReplyWriter.Fact(language, "响应最快", "Fastest", fastest.Count == 0
            ? Say.In(language, "近 7 天没有认领的线索", "no leads claimed in the last 7 days")
            : string.Join(" · ", fastest.Select(responder => Say.In(language, "{0} {1}({2} 条)", "{0} {1} ({2} leads)", responder.Name, Duration(responder.Median, language), responder.Leads)))));
        facts.Add(ReplyWriter.Fact(language, "统计时间", "As of", $"{asOf} ({zone.Id})"));

        var actions = new List<ReplyAction>(exceptions.Select(exception => ReplyWriter.Button(
            Say.In(language, "详情 · {0}", "Details · {0}", exception.LeadName), new SummarizeLeadIntent(exception.LeadNumber), language)));
        if (Arg("report") is { Length: > 0 } report)
        {
            actions.Add(ReplyLink.To(Say.In(language, "查看完整报告", "Full report"), report));
        }

        var headline = Say.In(language, "📊 {0} 日报 · {1}", "📊 {0} daily digest · {1}", Arg("team_name"), Arg("day"));
        return new ChatReply(headline, facts, actions, Chart(metrics, Arg("team"), asOfMoment, charts, recipientKey, language));
    }

    // The digest's one chart: the team's pipeline by stage, drawn for the recipient (their address, their scope).
    private static ReplyImage? Chart(IReadOnlyList<DigestMetric> metrics, string teamKey, DateTimeOffset? asOf, IChartLinks? charts, string? recipientKey, string language)
    {
        if (charts is null || recipientKey is null || metrics.FirstOrDefault(shown => shown.MetricId == DigestMetrics.Charted) is not { } charted
            || MetricDictionary.Find(charted.MetricId) is not { } metric)
        {
            return null;
        }

        var answer = new MetricAnswer(metric with { Version = charted.Version }, null, Result(charted), null, null, Core.Access.AccessScope.Team, asOf ?? DateTimeOffset.UnixEpoch);
        try
        {
            var png = MetricChart.Render(answer, language);
            return new ReplyImage(charts.For(recipientKey, new MetricRequest(metric.Id, null, teamKey), language, png), metric.Name(language));
        }
        catch (Exception exception) when (exception is TypeInitializationException or DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null; // a chart is an extra: the numbers are in the card's text
        }
    }

    private static MetricResult Result(DigestMetric shown) => new(shown.Value, shown.Count, shown.Of, shown.Parts, [], shown.Excluded);

    private static string Number(MetricDefinition metric, DigestMetric shown, string language)
    {
        var value = ReportReplies.Value(metric, Result(shown));
        if (shown.Previous is null)
        {
            return value;
        }

        var before = new MetricResult(shown.Previous, null, null, [], [], 0);
        var change = ReportReplies.Change(metric, Result(shown), before, language);
        return shown.Period is null
            ? Say.In(language, "{0} · 较上次日报 {1}", "{0} · since the last digest {1}", value, change)
            : Say.In(language, "{0} · 较上期 {1}", "{0} · vs previous {1}", value, change);
    }

    private static string PeriodWord(DigestMetric shown, string language) => shown.Period switch
    {
        null => Say.In(language, "截至此刻", "now"),
        { } period when period.Contains("..", StringComparison.Ordinal) => Say.In(language, "近 7 天", "last 7 days"),
        { } period => ReportReplies.PeriodName(period, language),
    };

    private static string KindName(DigestExceptionKind kind, string language) => kind switch
    {
        DigestExceptionKind.OverdueDeal => Say.In(language, "逾期商机", "Overdue deals"),
        DigestExceptionKind.Uncontacted => Say.In(language, "超时未首次联系", "Not contacted within SLA"),
        _ => Say.In(language, "7 天以上未跟进", "No follow-up for 7+ days"),
    };

    private static string Describe(DigestException exception, DateTimeOffset asOf, string language)
    {
        var waited = Duration(asOf - exception.Since, language);
        var who = exception.OwnerName ?? ReportReplies.PoolName(language);
        var amount = exception.Amount is { } value && exception.Kind == DigestExceptionKind.OverdueDeal ? " · ¥" + value.ToString("#,0", CultureInfo.InvariantCulture) : string.Empty;
        return exception.Kind switch
        {
            DigestExceptionKind.OverdueDeal => Say.In(language, "{0} {1} · {2} · 已过约定跟进 {3}{4}", "{0} {1} · {2} · follow-up overdue {3}{4}", exception.LeadNumber, exception.LeadName, who, waited, amount),
            DigestExceptionKind.Uncontacted => Say.In(language, "{0} {1} · {2} · 创建 {3} 仍未联系", "{0} {1} · {2} · not contacted {3} after creation", exception.LeadNumber, exception.LeadName, who, waited),
            _ => Say.In(language, "{0} {1} · {2} · {3} 未跟进", "{0} {1} · {2} · quiet for {3}", exception.LeadNumber, exception.LeadName, who, waited),
        };
    }

    /// <summary>A response time in minutes, hours and days.</summary>
    public static string Duration(TimeSpan span, string language)
    {
        if (span < TimeSpan.FromHours(1))
        {
            return Say.In(language, "{0} 分钟", "{0} min", Math.Max(0, (int)Math.Round(span.TotalMinutes)));
        }

        return span < TimeSpan.FromDays(1)
            ? Say.In(language, "{0} 小时 {1} 分钟", "{0} h {1} min", (int)span.TotalHours, span.Minutes)
            : Say.In(language, "{0} 天 {1} 小时", "{0} d {1} h", (int)span.TotalDays, span.Hours);
    }
}
