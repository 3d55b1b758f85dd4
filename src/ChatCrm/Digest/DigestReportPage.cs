using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using ChatCrm.Channels.Rendering;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;

namespace ChatCrm.Digest;

/// <summary>
/// The full report behind a digest card as one self-contained HTML page: the same numbers, and
/// under each the leads (or follow-ups) behind it. Every text from the store is HTML-encoded.
/// </summary>
public static class DigestReportPage
{
    public static string Render(DigestReport report)
    {
        var digest = report.Digest;
        var zh = report.Language == "zh";
        string Say(string chinese, string english) => zh ? chinese : english;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(digest.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        string Moment(DateTimeOffset? moment) => moment is { } known ? TimeZoneInfo.ConvertTime(known, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";
        var yesterday = digest.Yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        var title = $"{digest.TeamName} · {Say("日报", "daily digest")} · {yesterday}";
        html.Append("<!DOCTYPE html><html lang=\"").Append(zh ? "zh" : "en").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}")
            .Append("th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}.number{font-size:1.6rem;font-weight:600}</style></head><body>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p>").Append(Encode(Say("统计时间", "As of"))).Append(": ").Append(Encode($"{Moment(digest.AsOf)} ({digest.TimeZone})")).Append("</p>");

        if (digest.Metrics.Count > 0)
        {
            // The dictionary's numbers as the card showed them: the same as the chat's and the dashboard's.
            html.Append("<h2>").Append(Encode(Say("指标", "Metrics"))).Append("</h2><table><tr><th>").Append(Encode(Say("指标", "Metric")))
                .Append("</th><th>").Append(Encode(Say("统计期", "Period"))).Append("</th><th>").Append(Encode(Say("数值", "Value")))
                .Append("</th><th>").Append(Encode(Say("上期", "Previous"))).Append("</th><th>").Append(Encode(Say("定义", "Definition"))).Append("</th></tr>");
            foreach (var shown in digest.Metrics)
            {
                if (MetricDictionary.Find(shown.MetricId) is not { } metric)
                {
                    continue;
                }

                var result = new MetricResult(shown.Value, shown.Count, shown.Of, shown.Parts, [], shown.Excluded);
                var previous = shown.Previous is null ? "-" : ReportReplies.Value(metric, new MetricResult(shown.Previous, null, null, [], [], 0));
                html.Append("<tr><td>").Append(Encode(metric.Name(report.Language))).Append("</td><td>").Append(Encode(shown.DayRange ?? Say("截至此刻", "as of now")))
                    .Append("</td><td>").Append(Encode(ReportReplies.Value(metric, result))).Append("</td><td>").Append(Encode(previous))
                    .Append("</td><td>").Append(Encode($"{metric.Id} v{shown.Version}")).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (digest.Exceptions.Count > 0)
        {
            html.Append("<h2>").Append(Encode(Say("待处理", "Needs a look"))).Append("</h2><table><tr><th>").Append(Encode(Say("类型", "Kind")))
                .Append("</th><th>").Append(Encode(Say("线索", "Lead"))).Append("</th><th>").Append(Encode(Say("负责人", "Owner")))
                .Append("</th><th>").Append(Encode(Say("自", "Since"))).Append("</th></tr>");
            foreach (var exception in digest.Exceptions)
            {
                var kind = exception.Kind switch
                {
                    DigestExceptionKind.OverdueDeal => Say("逾期商机", "Overdue deal"),
                    DigestExceptionKind.Uncontacted => Say("超时未首次联系", "Not contacted within SLA"),
                    _ => Say("7 天以上未跟进", "No follow-up for 7+ days"),
                };
                html.Append("<tr><td>").Append(Encode(kind)).Append("</td><td>").Append(Encode($"{exception.LeadNumber} {exception.LeadName}"))
                    .Append("</td><td>").Append(Encode(exception.OwnerName ?? Say("公海", "pool"))).Append("</td><td>").Append(Encode(Moment(exception.Since))).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        Section(html, Say("昨天的新线索", "New leads yesterday"), digest.NewYesterday.Count, Say($"前天 {digest.NewDayBefore.Count} 条", $"the day before: {digest.NewDayBefore.Count}"));
        Leads(html, report.NewYesterday, digest.NewYesterday, Say, Moment, lead => lead.CreatedAt, report.History);
        Section(html, Say("昨天的跟进", "Follow-ups yesterday"), digest.FollowUpsYesterday.Count, null);
        html.Append("<table><tr><th>").Append(Encode(Say("时间", "When"))).Append("</th><th>").Append(Encode(Say("线索", "Lead")))
            .Append("</th><th>").Append(Encode(Say("跟进人", "By"))).Append("</th><th>").Append(Encode(Say("内容", "Summary"))).Append("</th></tr>");
        foreach (var row in report.FollowUpsYesterday)
        {
            html.Append("<tr><td>").Append(Encode(Moment(row.FollowUp.At))).Append("</td><td>").Append(Encode($"{row.FollowUp.LeadNumber} {row.LeadName}"))
                .Append("</td><td>").Append(Encode(row.AuthorName)).Append("</td><td>").Append(Encode(row.FollowUp.Summary)).Append("</td></tr>");
        }

        html.Append("</table>");
        More(html, digest.FollowUpsYesterday, report.FollowUpsYesterday.Count, Say);
        Section(html, Say("停滞线索", "Stale leads"), digest.Stale.Count, Say("有负责人、久未跟进或已过计划跟进时间的线索", "owned leads quiet too long or past their next follow-up"));
        Leads(html, report.Stale, digest.Stale, Say, Moment, lead => lead.LastActivityAt, report.History);
        Section(html, Say("响应最快", "Fastest responders"), digest.Fastest.Count, Say(
            "近 7 天认领的线索,从分配(或认领)到本人第一次跟进的中位时间;还没跟进的按已等待的时间计",
            "median time from a lead being offered (or claimed) to their first follow-up, over leads claimed in the last 7 days; one not yet followed up counts with the time it has waited"));
        html.Append("<table><tr><th>").Append(Encode(Say("销售", "Salesperson"))).Append("</th><th>").Append(Encode(Say("中位响应时间", "Median response")))
            .Append("</th><th>").Append(Encode(Say("线索数", "Leads"))).Append("</th></tr>");
        foreach (var responder in digest.Fastest)
        {
            html.Append("<tr><td>").Append(Encode(responder.DisplayName)).Append("</td><td>").Append(Encode(Duration(responder.Median, zh)))
                .Append("</td><td>").Append(responder.Leads.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string title, int count, string? note)
    {
        html.Append("<h2>").Append(Encode(title)).Append(" <span class=\"number\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</span></h2>");
        if (note is not null)
        {
            html.Append("<p>").Append(Encode(note)).Append("</p>");
        }
    }

    private static void Leads(
        StringBuilder html, IReadOnlyList<Lead> leads, DigestSample sample, Func<string, string, string> say, Func<DateTimeOffset?, string> moment, Func<Lead, DateTimeOffset> when,
        IReadOnlyDictionary<string, IReadOnlyList<Core.Audit.AuditEntry>>? history)
    {
        html.Append("<table><tr><th>").Append(Encode(say("线索", "Lead"))).Append("</th><th>").Append(Encode(say("公司", "Company")))
            .Append("</th><th>").Append(Encode(say("负责人", "Owner"))).Append("</th><th>").Append(Encode(say("时间", "When")))
            .Append("</th><th>").Append(Encode(say("下次跟进", "Next follow-up"))).Append("</th></tr>");
        foreach (var lead in leads)
        {
            html.Append("<tr><td>").Append(Encode($"{lead.Number} {lead.Name}")).Append("</td><td>").Append(Encode(lead.Company ?? string.Empty))
                .Append("</td><td>").Append(Encode(lead.OwnerKey ?? say("公海", "pool"))).Append("</td><td>").Append(Encode(moment(when(lead))))
                .Append("</td><td>").Append(Encode(moment(lead.NextFollowUpAt))).Append("</td></tr>");
            if (history?.GetValueOrDefault(lead.Number) is { Count: > 0 } entries)
            {
                // The drill-down from a number to the acts behind it: who did what, when, through which channel.
                html.Append("<tr><td colspan=\"5\"><details><summary>").Append(Encode(say("审计记录", "Audit trail"))).Append("</summary><ul>");
                foreach (var entry in entries)
                {
                    html.Append("<li>").Append(Encode($"{moment(entry.At)} · {entry.ActorKey} · {entry.Action} · {entry.Channel}")).Append("</li>");
                }

                html.Append("</ul></details></td></tr>");
            }
        }

        html.Append("</table>");
        More(html, sample, leads.Count, say);
    }

    private static void More(StringBuilder html, DigestSample sample, int listed, Func<string, string, string> say)
    {
        if (sample.Count > listed)
        {
            html.Append("<p>").Append(Encode(say($"另有 {sample.Count - listed} 条未列出。", $"{sample.Count - listed} more not listed."))).Append("</p>");
        }
    }

    private static string Duration(TimeSpan span, bool zh) =>
        span < TimeSpan.FromHours(1) ? (zh ? $"{Math.Round(span.TotalMinutes):0} 分钟" : $"{Math.Round(span.TotalMinutes):0} min")
        : span < TimeSpan.FromDays(1) ? (zh ? $"{(int)span.TotalHours} 小时 {span.Minutes} 分钟" : $"{(int)span.TotalHours} h {span.Minutes} min")
        : (zh ? $"{(int)span.TotalDays} 天 {span.Hours} 小时" : $"{(int)span.TotalDays} d {span.Hours} h");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
