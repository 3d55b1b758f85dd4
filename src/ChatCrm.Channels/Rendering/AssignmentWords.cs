using System.Globalization;
using ChatCrm.Core.Assignment;

namespace ChatCrm.Channels.Rendering;

/// <summary>How assignment's reasons, verdicts, results and durations read in each language.</summary>
internal static class AssignmentWords
{
    public static string Reason(string reason, int offers, string detail, string language) => reason switch
    {
        nameof(EscalationReason.NoTeam) => Say.In(language, "没有规则指定团队,线索也不属于任何团队", "no rule names a team and the lead has none"),
        nameof(EscalationReason.NoCandidate) => Say.In(language, "团队里没有可以接的人", "nobody in the team can take it"),
        nameof(EscalationReason.OffersExhausted) => Say.In(language, "已分配 {0} 次都没人认领", "it was offered {0} times and nobody claimed it", offers),
        nameof(EscalationReason.EvaluationTooSlow) => Say.In(language, "挑选人选超时", "choosing a salesperson took too long"),
        nameof(EscalationReason.EngineError) => Say.In(language, "分配出错:{0}", "assigning it failed: {0}", detail),
        nameof(EscalationReason.LeadGone) => Say.In(language, "线索已不存在", "the lead no longer exists"),
        _ => reason,
    };

    /// <summary>A failure code of the health report, e.g. offers_exhausted or offer_expired.</summary>
    public static string Failure(string code, string language)
    {
        switch (code)
        {
            case AssignmentHealth.OfferDeclined:
                return Say.In(language, "分配被退回", "offers declined");
            case AssignmentHealth.OfferExpired:
                return Say.In(language, "分配超时未认领", "offers not claimed in time");
        }

        var reason = Enum.GetValues<EscalationReason>().Select(known => (EscalationReason?)known).FirstOrDefault(known => AssignmentHealth.Code(known!.Value) == code);
        return reason switch
        {
            EscalationReason.NoTeam => Say.In(language, "上报:没有团队", "escalated: no team"),
            EscalationReason.NoCandidate => Say.In(language, "上报:没人可接", "escalated: nobody could take it"),
            EscalationReason.OffersExhausted => Say.In(language, "上报:多次分配无人认领", "escalated: offers ran out"),
            EscalationReason.EvaluationTooSlow => Say.In(language, "上报:挑选超时", "escalated: choosing took too long"),
            EscalationReason.EngineError => Say.In(language, "上报:分配出错", "escalated: assignment failed"),
            EscalationReason.LeadGone => Say.In(language, "线索已不存在", "lead gone"),
            _ => code,
        };
    }

    public static string Verdict(string verdict, string? detail, string language) => verdict switch
    {
        nameof(CandidateVerdict.Eligible) => Say.In(language, "可接", "eligible"),
        nameof(CandidateVerdict.NoClaimPermission) => Say.In(language, "无认领权限({0})", "may not claim ({0})", Role(detail, language)),
        nameof(CandidateVerdict.AtCapacity) => Say.In(language, "待认领已满 {0}", "full, {0} unclaimed", detail),
        nameof(CandidateVerdict.OfferedBefore) => Say.In(language, "已分配过", "offered before"),
        nameof(CandidateVerdict.NotEvaluated) => Say.In(language, "超时未评估", "not weighed, out of time"),
        _ => verdict,
    };

    public static string Offer(string result, string language) => result switch
    {
        nameof(OfferResult.Expired) => Say.In(language, "超时未认领", "let it run out"),
        nameof(OfferResult.Declined) => Say.In(language, "退回", "declined"),
        nameof(OfferResult.Claimed) => Say.In(language, "已认领", "claimed"),
        nameof(OfferResult.Withdrawn) => Say.In(language, "已撤回", "withdrawn"),
        _ => Say.In(language, "待认领", "pending"),
    };

    public static string Strategy(AssignmentStrategy strategy, string language) => strategy == AssignmentStrategy.LeastLoaded
        ? Say.In(language, "负载最少优先", "least loaded")
        : Say.In(language, "轮流分配", "round robin");

    public static string Duration(TimeSpan duration, string language) => duration switch
    {
        { TotalMinutes: < 1 } => Say.In(language, "{0} 秒", "{0} s", (int)duration.TotalSeconds),
        { TotalHours: < 1 } => Say.In(language, "{0} 分钟", "{0} min", (int)Math.Round(duration.TotalMinutes)),
        _ => Say.In(language, "{0} 小时", "{0} h", Math.Round(duration.TotalHours, 1).ToString(CultureInfo.InvariantCulture)),
    };

    public static string Days(IReadOnlyList<DayOfWeek> days, string language) =>
        string.Join(language == "zh" ? "、" : ", ", days.Select(day => language == "zh" ? ChineseDays[(int)day] : day.ToString()[..3]));

    /// <summary>"alice=Expired;bob=Declined" or "wang=NoClaimPermission:Manager" entries, as the notice carries them.</summary>
    public static IEnumerable<(string Key, string Code, string? Detail)> Entries(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? entry : entry[..equals];
            var value = equals < 0 ? string.Empty : entry[(equals + 1)..];
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (key, value, (string?)null) : (key, value[..colon], value[(colon + 1)..]);
        });

    private static readonly string[] ChineseDays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    private static string Role(string? role, string language) => role switch
    {
        "Manager" => Say.In(language, "经理", "manager"),
        "Admin" => Say.In(language, "管理员", "admin"),
        _ => role ?? string.Empty,
    };
}
