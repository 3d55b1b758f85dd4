namespace ChatCrm.Core.Reports;

/// <summary>
/// Every metric ChatCrm reports, defined once. Vendors disagree (conversion "of leads created in
/// the period" or "conversions that happened in it"; win rate "won ÷ (won + lost)" or "won ÷ all"),
/// so each definition says which, and the word "转化率" is not allowed to mean two things silently.
/// </summary>
public static class MetricDictionary
{
    public const string NewLeads = "new_leads";
    public const string FirstContactWithinSla = "first_contact_sla";
    public const string HoursToAssign = "hours_to_assign";
    public const string FollowUpRate = "followup_rate";
    public const string ActivitiesPerRep = "activities_per_rep";
    public const string LeadToOpportunity = "lead_to_opportunity";
    public const string WinRate = "win_rate";
    public const string WonDeals = "won_deals";
    public const string PipelineByStage = "pipeline_by_stage";
    public const string SalesCycle = "sales_cycle";
    public const string StaleLeads = "stale_leads";
    public const string WonRevenue = "won_revenue";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(NewLeads, 1, "新增线索", "New leads", ["新增线索", "新线索", "新增客户", "新客户", "新增", "new leads", "new customers", "leads created", "new_leads"],
            "统计期内创建的线索数", "leads created in the period", null, null, MetricAnchor.Created, false, MetricUnit.Count),
        new(FirstContactWithinSla, 1, "首次联系及时率", "First contact within SLA", ["首次联系", "首次响应", "及时联系", "响应及时率", "first contact", "within sla", "response rate"],
            "创建后 SLA 小时内有首次跟进的线索", "leads with a first follow-up within the SLA hours of creation", "统计期内创建的线索", "leads created in the period", MetricAnchor.Created, true, MetricUnit.Percent),
        new(HoursToAssign, 1, "分配时长", "Hours to assign", ["分配时长", "分配耗时", "分配速度", "hours to assign", "time to assign", "assignment time"],
            "线索进入分配到被认领的小时数(中位数)", "median hours from a lead's offer to its claim", null, null, MetricAnchor.Created, false, MetricUnit.Hours),
        new(FollowUpRate, 1, "跟进率", "Follow-up rate", ["跟进率", "跟进覆盖率", "follow-up rate", "followup rate", "follow up rate"],
            "近 N 天有跟进的未结线索", "open leads with a follow-up in the last N days", "未结线索", "open leads", MetricAnchor.Now, false, MetricUnit.Percent),
        new(ActivitiesPerRep, 1, "人均跟进", "Activities per salesperson", ["人均跟进", "人均活动", "跟进次数", "跟进量", "活动量", "排行", "排名", "activities per rep", "activities per salesperson", "activities", "ranking", "leaderboard", "followups"],
            "统计期内的跟进次数", "follow-ups in the period", "有跟进的销售人数", "salespeople who followed up", MetricAnchor.Activity, false, MetricUnit.Count),
        new(LeadToOpportunity, 1, "线索转商机率", "Lead-to-opportunity rate", ["转化率", "转化", "商机转化率", "线索转化率", "转商机", "lead to opportunity", "lead-to-opportunity", "conversion rate", "conversion"],
            "统计期内创建、已成为商机(需求确认及以后,含赢单)的线索", "leads created in the period that became opportunities (qualified or further, won included)", "统计期内创建的线索", "leads created in the period", MetricAnchor.Created, true, MetricUnit.Percent),
        new(WinRate, 1, "赢单率", "Win rate", ["赢单率", "成交率", "胜率", "转化率", "win rate", "close rate", "win_rate", "conversion rate", "conversion"],
            "统计期内赢单数", "won in the period", "统计期内赢单数 + 输单数", "won + lost in the period", MetricAnchor.Closed, false, MetricUnit.Percent),
        new(WonDeals, 1, "赢单数", "Deals won", ["赢单数", "成交数", "签约数", "赢单", "签约", "成交", "deals won", "won deals", "won_deals"],
            "统计期内赢单的线索数", "leads won in the period", null, null, MetricAnchor.Closed, false, MetricUnit.Count),
        new(PipelineByStage, 1, "各阶段商机", "Pipeline by stage", ["销售漏斗", "漏斗", "管道", "各阶段", "pipeline", "funnel", "by stage"],
            "各阶段未结线索的数量与金额", "open leads and their amounts by stage", null, null, MetricAnchor.Now, false, MetricUnit.Money),
        new(SalesCycle, 1, "销售周期", "Sales cycle length", ["销售周期", "成交周期", "赢单周期", "sales cycle", "cycle length", "days to close"],
            "统计期内赢单线索从创建到赢单的天数(中位数)", "median days from creation to won, for leads won in the period", null, null, MetricAnchor.Closed, false, MetricUnit.Days),
        new(StaleLeads, 1, "超期未跟进", "Stale leads", ["超期未跟进", "沉睡线索", "沉睡", "久未跟进", "超期", "stale leads", "stale", "dormant"],
            "超过 N 天没有跟进或已过约定跟进日的已认领未结线索", "owned open leads with no follow-up for N days or past their promised date", null, null, MetricAnchor.Now, false, MetricUnit.Count),
        new(WonRevenue, 1, "赢单金额", "Won revenue", ["赢单金额", "成交金额", "成交额", "销售额", "业绩", "营收", "收入", "won revenue", "revenue", "sales", "bookings"],
            "统计期内赢单线索的金额之和(按月)", "sum of won leads' amounts in the period, by month", null, null, MetricAnchor.Closed, false, MetricUnit.Money),
    ];

    public static MetricDefinition? Find(string? id) =>
        All.FirstOrDefault(metric => string.Equals(metric.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The metrics a word or a sentence names: one (use it), several (ask which: "转化率" is both a
    /// lead-to-opportunity and a win rate to different people), or none. The longest synonym found
    /// wins, so "赢单率" is the win rate though "赢单" alone is deals won.
    /// </summary>
    public static IReadOnlyList<MetricDefinition> Named(string? said) => Match(said).Metrics;

    /// <summary>As <see cref="Named"/>, with the synonym that matched (the word to ask about when it names several).</summary>
    public static (IReadOnlyList<MetricDefinition> Metrics, string? Word) Match(string? said)
    {
        if (string.IsNullOrWhiteSpace(said))
        {
            return ([], null);
        }

        if (Find(said.Trim()) is { } exact)
        {
            return ([exact], exact.Id);
        }

        var text = said.ToLowerInvariant();
        var found = All
            .SelectMany(metric => metric.Synonyms.Where(synonym => text.Contains(synonym, StringComparison.Ordinal)).Select(synonym => (metric, synonym)))
            .ToList();
        if (found.Count == 0)
        {
            return ([], null);
        }

        var longest = found.Max(hit => hit.synonym.Length);
        var best = found.Where(hit => hit.synonym.Length == longest).ToList();
        return (best.Select(hit => hit.metric).Distinct().ToList(), best[0].synonym);
    }
}
