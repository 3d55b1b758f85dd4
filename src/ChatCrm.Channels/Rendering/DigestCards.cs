using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// The manager's daily digest as one card: the period and "as of" time on the team's clock, new
/// leads yesterday against the day before, follow-ups done, stale leads, the three quickest
/// responders, and a link to the full report.
/// </summary>
internal static class DigestCards
{
    public static ChatReply Digest(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Arg("zone"), out var found) ? found : TimeZoneInfo.Utc;
        var asOf = DateTimeOffset.TryParse(Arg("as_of"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? Words.Moment(moment, zone) : Arg("as_of");
        var newLeads = int.TryParse(Arg("new"), CultureInfo.InvariantCulture, out var yesterday) ? yesterday : 0;
        var before = int.TryParse(Arg("new_before"), CultureInfo.InvariantCulture, out var dayBefore) ? dayBefore : 0;
        var change = newLeads - before;
        var trend = change switch
        {
            > 0 => $"↑{change}",
            < 0 => $"↓{-change}",
            _ => "=",
        };
        var fastest = DigestNotice.Fastest(notice);
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "新线索", "New leads", Say.In(language, "昨天 {0} · 前天 {1}({2})", "yesterday {0} · day before {1} ({2})", newLeads, before, trend)),
            ReplyWriter.Fact(language, "昨日跟进", "Follow-ups", Say.In(language, "{0} 次", "{0} yesterday", Arg("followups"))),
            ReplyWriter.Fact(language, "停滞线索", "Stale leads", Say.In(language, "{0} 条(久未跟进或已过计划跟进时间)", "{0} (quiet too long or past their next follow-up)", Arg("stale"))),
            ReplyWriter.Fact(language, "响应最快", "Fastest", fastest.Count == 0
                ? Say.In(language, "近 7 天没有认领的线索", "no leads claimed in the last 7 days")
                : string.Join(" · ", fastest.Select(responder => Say.In(language, "{0} {1}({2} 条)", "{0} {1} ({2} leads)", responder.Name, Duration(responder.Median, language), responder.Leads)))),
            ReplyWriter.Fact(language, "统计时间", "As of", $"{asOf} ({zone.Id})"),
        };
        var actions = Arg("report") is { Length: > 0 } report ? new[] { ReplyLink.To(Say.In(language, "查看完整报告", "Full report"), report) } : [];
        return new ChatReply(
            Say.In(language, "📊 {0} 日报 · {1}", "📊 {0} daily digest · {1}", Arg("team_name"), Arg("day")),
            facts,
            actions);
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
