using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>
/// The leads and people a report may count: what the asker's reports scope reaches (<see cref="Query"/>),
/// narrowed to a team when one was asked for. The leads are read only when a calculation needs them.
/// </summary>
public sealed class MetricScope(LeadQuery query, IReadOnlyList<User> people, Func<LeadQuery, IReadOnlyList<Lead>> readLeads)
{
    private IReadOnlyList<Lead>? _leads;
    private IReadOnlyList<Lead>? _open;

    /// <summary>Every lead of the scope, open or closed.</summary>
    public LeadQuery Query { get; } = query with { IncludeClosed = true, Limit = int.MaxValue };

    public IReadOnlyList<User> People { get; } = people;

    /// <summary>Every lead of the scope, open or closed.</summary>
    public IReadOnlyList<Lead> Leads => _leads ??= readLeads(Query);

    /// <summary>The open leads: what a state as of now counts.</summary>
    public IReadOnlyList<Lead> Open => _leads is { } all ? [.. all.Where(lead => !lead.IsClosed)] : _open ??= readLeads(Query with { IncludeClosed = false });

    /// <summary>The leads created in the period: a cohort's leads, read by creation time rather than every lead.</summary>
    public IReadOnlyList<Lead> CreatedIn(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return _leads is { } all ? [.. all.Where(lead => period.Contains(lead.CreatedAt))] : readLeads(Query with { CreatedWithin = (period.From, period.To) });
    }

    /// <summary>Whether a lead belongs to the scope (its team, region or owner).</summary>
    public bool Holds(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return (Query.OwnerKey is not { } owner || lead.OwnerKey == owner)
            && (Query.TeamKey is not { } team || lead.TeamKey == team)
            && (Query.TeamKeys is not { } teams || (lead.TeamKey is { } key && teams.Contains(key, StringComparer.Ordinal)));
    }
}

/// <summary>
/// Computes every metric of <see cref="MetricDictionary"/> from the store, one definition each. It
/// reads committed data in the caller's session, so a report reflects a change the moment it is
/// committed. Won and lost are judged by <see cref="StageProbability"/>, never by stage names. It
/// counts with the definition it is given, so pass the effective one (<see cref="MetricParameters.Effective"/>).
/// </summary>
public static class MetricCalculator
{
    public static MetricResult Compute(ICrmSession session, MetricScope scope, MetricDefinition metric, ReportPeriod period, DateTimeOffset now, CrmSettings crm, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(metric);
        // Only the leads the metric can count are read: a cohort's by creation time, a state's open ones.
        var source = metric.Anchor switch
        {
            _ when metric.Id == MetricDictionary.HoursToAssign => [],
            MetricAnchor.Created => scope.CreatedIn(period),
            MetricAnchor.Now => scope.Open,
            MetricAnchor.Activity => [],
            _ => scope.Leads,
        };
        var counted = new List<Lead>(source.Count);
        var excluded = 0;
        foreach (var lead in source)
        {
            if (settings.ExclusionOf(lead) is null)
            {
                counted.Add(lead);
            }
            else if (Relevant(lead, metric, period, now))
            {
                excluded++;
            }
        }

        var result = metric.Id switch
        {
            MetricDictionary.NewLeads => Count(counted.Where(lead => period.Contains(lead.CreatedAt))),
            MetricDictionary.FirstContactWithinSla => Rate(
                counted.Where(lead => period.Contains(lead.CreatedAt)),
                lead => lead.FirstFollowUpAt is { } first && first - lead.CreatedAt <= MetricParameters.Span(metric, MetricParameters.SlaHours)),
            MetricDictionary.HoursToAssign => HoursToAssign(session, scope, settings, period, out excluded),
            MetricDictionary.FollowUpRate => Rate(
                counted.Where(lead => !lead.IsClosed),
                lead => lead.LastFollowUpAt is { } last && last >= now - MetricParameters.Span(metric, MetricParameters.WindowDays)),
            MetricDictionary.ActivitiesPerRep => Activities(session, scope, settings, period, out excluded),
            MetricDictionary.LeadToOpportunity => Rate(
                counted.Where(lead => period.Contains(lead.CreatedAt)),
                ReachedOpportunity),
            MetricDictionary.WinRate => Rate(
                counted.Where(lead => StageProbability.IsClosed(lead.Stage) && period.Contains(ClosedAt(lead))),
                lead => StageProbability.IsWon(lead.Stage)),
            MetricDictionary.WonDeals => Count(Won(counted, period)),
            MetricDictionary.PipelineByStage => Pipeline(counted.Where(lead => !StageProbability.IsClosed(lead.Stage))),
            MetricDictionary.SalesCycle => Median(Won(counted, period), lead => (decimal)(ClosedAt(lead) - lead.CreatedAt).TotalDays),
            MetricDictionary.StaleLeads => Count(counted.Where(lead =>
                lead.OwnerKey is not null && !lead.IsClosed && (lead.LastActivityAt < now - MetricParameters.Span(metric, MetricParameters.StaleDays) || lead.NextFollowUpAt < now))),
            MetricDictionary.WonRevenue => Revenue(Won(counted, period), crm.TimeZone),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric.Id, "No calculation for this metric."),
        };
        return result with { Excluded = excluded };
    }

    /// <summary>When a closed lead closed; leads closed before ChatCrm kept the moment count from their last change.</summary>
    public static DateTimeOffset ClosedAt(Lead lead) => lead.ClosedAt ?? lead.UpdatedAt;

    /// <summary>Whether a lead counts as having become an opportunity: it reached one once, or stands at one.</summary>
    public static bool ReachedOpportunity(Lead lead) => lead.OpportunityAt is not null || StageProbability.IsOpportunity(lead.Stage);

    private static IEnumerable<Lead> Won(IEnumerable<Lead> leads, ReportPeriod period) =>
        leads.Where(lead => StageProbability.IsWon(lead.Stage) && period.Contains(ClosedAt(lead)));

    // An excluded lead is reported as left out only where it would have counted.
    private static bool Relevant(Lead lead, MetricDefinition metric, ReportPeriod period, DateTimeOffset now) => metric.Anchor switch
    {
        MetricAnchor.Created => period.Contains(lead.CreatedAt),
        MetricAnchor.Closed => StageProbability.IsClosed(lead.Stage) && period.Contains(ClosedAt(lead)),
        MetricAnchor.Activity => lead.LastFollowUpAt is { } last && last >= period.From,
        _ => !lead.IsClosed,
    };

    private static MetricResult Count(IEnumerable<Lead> leads)
    {
        var records = leads.Select(Record).ToList();
        return new MetricResult(records.Count, records.Count, null, [], records, 0);
    }

    private static MetricResult Rate(IEnumerable<Lead> population, Func<Lead, bool> counts)
    {
        var all = population.ToList();
        var hits = all.Where(counts).Select(Record).ToList();
        decimal? value = all.Count == 0 ? null : Math.Round(hits.Count * 100m / all.Count, 1);
        return new MetricResult(value, hits.Count, all.Count, [], hits, 0);
    }

    private static MetricResult Median(IEnumerable<Lead> leads, Func<Lead, decimal> measure)
    {
        var measured = leads.Select(lead => (lead, value: measure(lead))).OrderBy(pair => pair.value).ToList();
        return new MetricResult(MedianOf(measured.Select(pair => pair.value).ToList()), measured.Count, null, [],
            [.. measured.Select(pair => new MetricRecord(pair.lead.Number, pair.value.ToString("0.#", CultureInfo.InvariantCulture)) { Lead = pair.lead })], 0);
    }

    internal static decimal? MedianOf(IReadOnlyList<decimal> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? Math.Round(sorted[sorted.Count / 2], 1)
        : Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);

    // One walk of the assignments requested in the period; each lead looked up once.
    private static MetricResult HoursToAssign(ICrmSession session, MetricScope scope, ReportSettings settings, ReportPeriod period, out int excluded)
    {
        var leads = new Dictionary<string, Lead?>(StringComparer.Ordinal);
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        var measured = new List<(string LeadNumber, decimal Hours, Lead Lead)>();
        foreach (var assignment in session.LeadAssignments.RequestedSince(period.From, int.MaxValue))
        {
            if (assignment.RequestedAt >= period.To || assignment.ClaimedAt is not { } claimedAt)
            {
                continue;
            }

            if (!leads.TryGetValue(assignment.LeadNumber, out var lead))
            {
                leads[assignment.LeadNumber] = lead = session.Leads.Find(assignment.LeadNumber) is { } found && scope.Holds(found) ? found : null;
            }

            if (lead is null)
            {
                continue;
            }

            if (settings.ExclusionOf(lead) is not null)
            {
                leftOut.Add(lead.Number);
                continue;
            }

            measured.Add((lead.Number, (decimal)(claimedAt - assignment.RequestedAt).TotalHours, lead));
        }

        excluded = leftOut.Count;
        measured.Sort((left, right) => left.Hours.CompareTo(right.Hours));
        return new MetricResult(MedianOf([.. measured.Select(pair => pair.Hours)]), measured.Count, null, [],
            [.. measured.Select(pair => new MetricRecord(pair.LeadNumber, pair.Hours.ToString("0.#", CultureInfo.InvariantCulture) + " h") { Lead = pair.Lead })], 0);
    }

    // One walk of the follow-ups made in the period by the scope's people; each lead looked up once.
    private static MetricResult Activities(ICrmSession session, MetricScope scope, ReportSettings settings, ReportPeriod period, out int excluded)
    {
        var names = scope.People.ToDictionary(person => person.Key, person => person.DisplayName, StringComparer.Ordinal);
        var leads = new Dictionary<string, Lead?>(StringComparer.Ordinal);
        var byPerson = new Dictionary<string, List<MetricRecord>>(StringComparer.Ordinal);
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var followUp in session.FollowUps.MadeBetween(period.From, period.To, names.Keys.ToHashSet(StringComparer.Ordinal))
            .OrderBy(followUp => followUp.At).ThenBy(followUp => followUp.Id))
        {
            if (!leads.TryGetValue(followUp.LeadNumber, out var lead))
            {
                leads[followUp.LeadNumber] = lead = session.Leads.Find(followUp.LeadNumber) is { } found && scope.Holds(found) ? found : null;
            }

            if (lead is null)
            {
                continue;
            }

            if (settings.ExclusionOf(lead) is not null)
            {
                leftOut.Add(lead.Number);
                continue;
            }

            if (!byPerson.TryGetValue(followUp.AuthorKey, out var theirs))
            {
                byPerson[followUp.AuthorKey] = theirs = [];
            }

            theirs.Add(new MetricRecord(lead.Number, $"{names[followUp.AuthorKey]} {followUp.At:yyyy-MM-dd}") { Lead = lead });
        }

        excluded = leftOut.Count;
        var parts = byPerson.Select(pair => new MetricPart(names[pair.Key], pair.Value.Count, pair.Value.Count)).ToList();
        var records = scope.People.Where(person => byPerson.ContainsKey(person.Key)).SelectMany(person => byPerson[person.Key]).ToList();
        decimal? perRep = parts.Count == 0 ? null : Math.Round((decimal)records.Count / parts.Count, 1);
        return new MetricResult(perRep, records.Count, parts.Count, [.. parts.OrderByDescending(part => part.Value).ThenBy(part => part.Label, StringComparer.Ordinal)], records, 0);
    }

    private static MetricResult Pipeline(IEnumerable<Lead> open)
    {
        var leads = open.ToList();
        var parts = Enum.GetValues<LeadStage>()
            .Where(stage => !StageProbability.IsClosed(stage))
            .Select(stage =>
            {
                var atStage = leads.Where(lead => lead.Stage == stage).ToList();
                return new MetricPart(stage.ToString().ToLowerInvariant(), atStage.Sum(lead => lead.Amount ?? 0), atStage.Count);
            })
            .ToList();
        return new MetricResult(parts.Sum(part => part.Value), leads.Count, null, parts, [.. leads.Select(Record)], 0);
    }

    private static MetricResult Revenue(IEnumerable<Lead> won, TimeZoneInfo zone)
    {
        var leads = won.ToList();
        var parts = leads
            .GroupBy(lead => TimeZoneInfo.ConvertTime(ClosedAt(lead), zone).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(month => month.Key, StringComparer.Ordinal)
            .Select(month => new MetricPart(month.Key, month.Sum(lead => lead.Amount ?? 0), month.Count()))
            .ToList();
        return new MetricResult(leads.Sum(lead => lead.Amount ?? 0), leads.Count, null, parts,
            [.. leads.Select(lead => new MetricRecord(lead.Number, (lead.Amount ?? 0).ToString("#,0", CultureInfo.InvariantCulture)) { Lead = lead })], 0);
    }

    private static MetricRecord Record(Lead lead) => new(lead.Number) { Lead = lead };
}
