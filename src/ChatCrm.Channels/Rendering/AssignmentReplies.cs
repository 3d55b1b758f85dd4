using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Leads;

namespace ChatCrm.Channels.Rendering;

/// <summary>What the bot answers about assignment: a declined offer, the health report, the rules.</summary>
public sealed class AssignmentReplies(CrmSettings settings)
{
    /// <summary>No Undo button: the lead went on to the next salesperson at once.</summary>
    public ChatReply Declined(LeadChange change, string language) => ChatReply.Plain(Say.In(language,
        "好的,{0} {1} 已退回,会分给其他同事。", "OK, you passed on {0} {1}; it goes to a colleague.", change.After.Number, change.After.Name));

    public ChatReply Health(AssignmentHealthReport report, string language)
    {
        string Time(TimeSpan? duration) => duration is { } known ? AssignmentWords.Duration(known, language) : "-";
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "入库到认领 中位数", "Intake to claim, median", Time(report.MedianToClaim)),
            ReplyWriter.Fact(language, "入库到认领 P95", "Intake to claim, p95", Time(report.P95ToClaim)),
            ReplyWriter.Fact(language, "进行中", "In progress", report.Open.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "卡住", "Stuck", report.Stuck.Count.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "已上报待处理", "Escalated, unclaimed", report.EscalatedUnclaimed.ToString(CultureInfo.InvariantCulture)),
            ReplyWriter.Fact(language, "失败原因", "Failures by reason", report.FailuresByReason.Count == 0
                ? Say.In(language, "无", "none")
                : string.Join(" · ", report.FailuresByReason.Select(pair => $"{AssignmentWords.Failure(pair.Key, language)} {pair.Value}"))),
        };
        facts.AddRange(report.Stuck.Select(stuck => new ReplyFact(
            stuck.LeadNumber,
            stuck.State == AssignmentState.Offered
                ? Say.In(language, "分配给 {0},{1} 起应转给下一位", "offered to {0}; due to move on since {1}", stuck.UserKey, Words.Moment(stuck.DueAt, settings.TimeZone))
                : Say.In(language, "等待中,{0} 起应分配", "waiting; due since {0}", Words.Moment(stuck.DueAt, settings.TimeZone)))));
        return new ChatReply(
            Say.In(language, "近 7 天的分配:{0} 条线索进入分配,{1} 条已认领。", "Assignment over the last 7 days: {0} leads came in, {1} were claimed.", report.Requested, report.Claimed),
            facts,
            []);
    }

    public ChatReply Rules(AssignmentRulebook rulebook, string language)
    {
        var facts = rulebook.InOrder.Select((rule, index) => new ReplyFact($"{index + 1}. {rule.Key}", Describe(rule, language))).ToList();
        facts.AddRange(rulebook.HoursByTeam.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new ReplyFact(
            Say.In(language, "{0} 工作时间", "{0} working hours", pair.Key), Hours(pair.Value, language))));
        facts.Add(ReplyWriter.Fact(language, "其他团队", "Other teams", Hours(WorkingHours.Default(settings.TimeZone.Id), language)));
        return new ChatReply(Say.In(language, "分配规则(按顺序匹配,第一条符合的生效):", "Assignment rules (tried in order; the first that fits applies):"), facts, []);
    }

    private static string Describe(AssignmentRule rule, string language)
    {
        string Any(IReadOnlyList<string> values) => values.Count == 0 ? Say.In(language, "任意", "any") : string.Join("/", values);
        var team = rule.TeamKey ?? Say.In(language, "线索所属团队", "the lead's team");
        return Say.In(language,
            "来源 {0} · 地区 {1} · 行业 {2} · 标签 {3} → {4},{5},每人最多 {6} 条待认领",
            "source {0} · region {1} · industry {2} · tags {3} → {4}, {5}, at most {6} unclaimed each",
            Any(rule.Sources), Any(rule.Regions), Any(rule.Industries), Any(rule.Tags), team, AssignmentWords.Strategy(rule.Strategy, language), rule.Capacity);
    }

    private static string Hours(WorkingHours hours, string language) =>
        $"{AssignmentWords.Days(hours.Days, language)} {hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{hours.End.ToString("HH:mm", CultureInfo.InvariantCulture)} ({hours.TimeZone})";
}
