using System.Globalization;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports.Tallies;

/// <summary>Whose leads a tally read sums: these teams (every team when null), and of them one owner's when given.</summary>
public sealed record TallyScope(IReadOnlyCollection<string>? TeamKeys, string? OwnerKey)
{
    public static TallyScope Of(LeadQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyCollection<string>? teams = query.TeamKey is { } team ? [team] : query.TeamKeys;
        return new TallyScope(teams, query.OwnerKey);
    }
}

/// <summary>
/// The funnel and pipeline metrics summed from the report tallies: the same definitions as
/// <see cref="MetricCalculator"/>, which counts them from the leads themselves (and lists the
/// records behind them). Both agree on every store; a recount proves it.
/// </summary>
public static class TalliedMetrics
{
    public static bool Covers(string metricId) => metricId is MetricDictionary.NewLeads or MetricDictionary.FirstContactWithinSla
        or MetricDictionary.LeadToOpportunity or MetricDictionary.WinRate or MetricDictionary.WonDeals or MetricDictionary.PipelineByStage
        or MetricDictionary.SalesCycle or MetricDictionary.WonRevenue;

    /// <summary>The metric's value over the scope; records are not listed (the Details use the leads).</summary>
    public static MetricResult Compute(ICrmSession session, TallyScope scope, MetricDefinition metric, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(period);
        // Someone's own leads: only the teams they hold leads in, not every team's pages.
        var teams = scope.TeamKeys ?? (scope.OwnerKey is { } owner ? session.ReportTallies.TeamsOf(owner) : null);
        if (metric.Id == MetricDictionary.PipelineByStage)
        {
            return Pipeline(session.ReportTallies.Stages(teams).SelectMany(page => page.Rows).Where(row => Mine(scope, row.Owner)).ToList());
        }

        var rows = Pages(session, teams, period)
            .SelectMany(page => page.Rows.Where(row => Mine(scope, row.Owner)).Select(row => (page.Day, Row: row)))
            .ToList();
        var counted = rows.Where(pair => !pair.Row.Excluded).Select(pair => pair.Row).ToList();
        var excluded = rows.Where(pair => pair.Row.Excluded).Select(pair => pair.Row).ToList();
        var excludedCreated = excluded.Sum(row => row.Created);
        var excludedClosed = excluded.Sum(row => row.Won + row.Lost);
        return metric.Id switch
        {
            MetricDictionary.NewLeads => Count(counted.Sum(row => row.Created), excludedCreated),
            MetricDictionary.FirstContactWithinSla => Rate(
                counted.Sum(row => row.FirstContactHours.Where(pair => pair.Key <= SlaHours(metric)).Sum(pair => pair.Value)),
                counted.Sum(row => row.Created),
                excludedCreated),
            MetricDictionary.LeadToOpportunity => Rate(counted.Sum(row => row.Opportunities), counted.Sum(row => row.Created), excludedCreated),
            MetricDictionary.WinRate => Rate(counted.Sum(row => row.Won), counted.Sum(row => row.Won + row.Lost), excludedClosed),
            MetricDictionary.WonDeals => Count(counted.Sum(row => row.Won), excludedClosed),
            MetricDictionary.SalesCycle => Cycle(counted, excludedClosed),
            MetricDictionary.WonRevenue => Revenue(rows.Where(pair => !pair.Row.Excluded).ToList(), excludedClosed),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Id, "This metric is not kept in the tallies."),
        };
    }

    // Whole calendar months from their month pages, the days at either end from day pages.
    private static IEnumerable<DayTally> Pages(ICrmSession session, IReadOnlyCollection<string>? teams, ReportPeriod period)
    {
        var firstWhole = period.FirstDay.Day == 1 ? period.FirstDay : TallyRules.MonthOf(period.FirstDay).AddMonths(1);
        var afterWhole = TallyRules.MonthOf(period.LastDay.AddDays(1));
        if (firstWhole >= afterWhole)
        {
            return session.ReportTallies.Days(teams, period.FirstDay, period.LastDay);
        }

        return session.ReportTallies.Days(teams, period.FirstDay, firstWhole.AddDays(-1))
            .Concat(session.ReportTallies.Months(teams, firstWhole, afterWhole.AddMonths(-1)))
            .Concat(session.ReportTallies.Days(teams, afterWhole, period.LastDay));
    }

    private static bool Mine(TallyScope scope, string owner) => scope.OwnerKey is not { } wanted || owner == wanted;

    private static int SlaHours(MetricDefinition metric) => (int)MetricParameters.Span(metric, MetricParameters.SlaHours).TotalHours;

    private static MetricResult Count(int count, int excluded) => new(count, count, null, [], [], excluded);

    private static MetricResult Rate(int hits, int population, int excluded) =>
        new(population == 0 ? null : Math.Round(hits * 100m / population, 1), hits, population, [], [], excluded);

    private static MetricResult Cycle(List<DayTallyRow> rows, int excluded)
    {
        var days = rows.SelectMany(row => row.CycleTicks).Select(ticks => (decimal)TimeSpan.FromTicks(ticks).TotalDays).Order().ToList();
        return new MetricResult(MetricCalculator.MedianOf(days), days.Count, null, [], [], excluded);
    }

    private static MetricResult Revenue(List<(DateOnly Day, DayTallyRow Row)> rows, int excluded)
    {
        var parts = rows
            .Where(pair => pair.Row.Won > 0)
            .GroupBy(pair => pair.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(month => month.Key, StringComparer.Ordinal)
            .Select(month => new MetricPart(month.Key, month.Sum(pair => pair.Row.WonAmount), month.Sum(pair => pair.Row.Won)))
            .ToList();
        return new MetricResult(rows.Sum(pair => pair.Row.WonAmount), rows.Sum(pair => pair.Row.Won), null, parts, [], excluded);
    }

    private static MetricResult Pipeline(List<StageTallyRow> rows)
    {
        var counted = rows.Where(row => !row.Excluded).ToList();
        var parts = Enum.GetValues<LeadStage>()
            .Where(stage => !StageProbability.IsClosed(stage))
            .Select(stage => new MetricPart(
                stage.ToString().ToLowerInvariant(),
                counted.Where(row => row.Stage == stage).Sum(row => row.Amount),
                counted.Where(row => row.Stage == stage).Sum(row => row.Count)))
            .ToList();
        return new MetricResult(parts.Sum(part => part.Value), parts.Sum(part => part.Count), null, parts, [], rows.Where(row => row.Excluded).Sum(row => row.Count));
    }
}
