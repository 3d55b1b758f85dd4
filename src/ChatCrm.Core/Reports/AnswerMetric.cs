using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>A word that names more than one metric ("转化率"): the person picks one.</summary>
public sealed record AmbiguousMetric(string Said, IReadOnlyList<MetricDefinition> Candidates) : CrmError
{
    public override string Code => "metric_ambiguous";
}

/// <summary>A metric name nobody defined.</summary>
public sealed record UnknownMetric(string? Said) : CrmError
{
    public override string Code => "metric_unknown";
}

/// <summary>A period word that is not one.</summary>
public sealed record UnknownPeriod(string Said) : CrmError
{
    public override string Code => "period_unknown";
}

/// <summary>What a report request asks for, as said: the metric's id or words, the period, and a team to narrow to.</summary>
public sealed record MetricRequest(string? Metric, string? Period, string? Team);

/// <param name="Period">Null for a metric that is a state as of now (open pipeline, stale leads).</param>
/// <param name="Previous">The same metric over the period before, for the change; null for a state.</param>
/// <param name="Team">The team it was narrowed to, or null for the whole scope.</param>
public sealed record MetricAnswer(MetricDefinition Metric, ReportPeriod? Period, MetricResult Result, MetricResult? Previous, Team? Team, AccessScope Scope, DateTimeOffset AsOf);

/// <summary>
/// Answers "本周东区转化率" or <c>/report win_rate last-month team=east</c>: resolves the metric (or asks
/// which, when the word names several), the period on the organisation's calendar and the team,
/// and computes the number over what the asker's reports scope reaches — their own leads, their
/// team's, their region's or all — in one read of committed data.
/// </summary>
public sealed class AnswerMetric(ICrmStore store, TimeProvider clock, CrmSettings crm, ReportSettings settings)
{
    /// <summary>The number, its change and what it covers; the records behind it are not listed (see <see cref="WithRecordsAsync"/>).</summary>
    public Task<Result<MetricAnswer>> HandleAsync(Actor actor, MetricRequest request, CancellationToken cancellationToken) =>
        AnswerAsync(actor, request, withRecords: false, cancellationToken);

    /// <summary>The same answer with every record behind the number, counted from the leads themselves.</summary>
    public Task<Result<MetricAnswer>> WithRecordsAsync(Actor actor, MetricRequest request, CancellationToken cancellationToken) =>
        AnswerAsync(actor, request, withRecords: true, cancellationToken);

    /// <summary>Answers in a session the caller already holds (the digest counts many teams in one read).</summary>
    public Result<MetricAnswer> Answer(ICrmSession session, Actor actor, MetricRequest request, DateTimeOffset now) =>
        Answer(session, actor, request, now, withRecords: false);

    private Task<Result<MetricAnswer>> AnswerAsync(Actor actor, MetricRequest request, bool withRecords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        return store.ReadAsync(session => Answer(session, actor, request, now, withRecords), cancellationToken);
    }

    private Result<MetricAnswer> Answer(ICrmSession session, Actor actor, MetricRequest request, DateTimeOffset now, bool withRecords)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (Resolve(request.Metric) is { Error: { } unresolved })
        {
            return Result<MetricAnswer>.Failure(unresolved);
        }

        var metric = MetricParameters.Effective(session, Resolve(request.Metric).Value!, settings, crm);
        var period = ReportPeriod.Resolve(request.Period, now, crm.TimeZone);
        if (period is null)
        {
            return new UnknownPeriod(request.Period ?? string.Empty);
        }

        if (Scope(session, actor.User, request.Team) is { Error: { } refused })
        {
            return Result<MetricAnswer>.Failure(refused);
        }

        var (scope, team, reach) = Scope(session, actor.User, request.Team).Value;

        // The kept tallies answer the funnel and the pipeline in a few page reads, when they were
        // counted under the rules this answer counts by; the records behind a number come from the leads.
        var tallied = !withRecords && TalliedMetrics.Covers(metric.Id) && session.ReportTallies.CountedUnder() == TallyRules.Of(crm, settings).Fingerprint;
        MetricResult Compute(ReportPeriod over) => tallied
            ? TalliedMetrics.Compute(session, TallyScope.Of(scope.Query), metric, over)
            : MetricCalculator.Compute(session, scope, metric, over, now, crm, settings);
        var result = Compute(period);
        var isState = metric.Anchor == MetricAnchor.Now;
        // The records behind a number are this period's alone; the change is the answer's, not the list's.
        var previous = isState || withRecords ? null : Compute(period.Previous(crm.TimeZone));
        return Result<MetricAnswer>.Success(new MetricAnswer(metric, isState ? null : period, result, previous, team, reach, now));
    }

    /// <summary>The one metric the words name.</summary>
    public static Result<MetricDefinition> Resolve(string? said)
    {
        var named = MetricDictionary.Named(said);
        return named.Count switch
        {
            1 => Result<MetricDefinition>.Success(named[0]),
            0 => new UnknownMetric(said),
            _ => new AmbiguousMetric(said!, named),
        };
    }

    /// <summary>A team by key, by name, or by the region word people use for it ("东区" for "华东 East").</summary>
    internal static Team? FindTeam(IReadOnlyList<Team> teams, string said)
    {
        var word = said.Trim();
        var core = word.TrimEnd('区', '组', '队').Replace("大", string.Empty, StringComparison.Ordinal).Replace("团", string.Empty, StringComparison.Ordinal);
        return teams.FirstOrDefault(team => string.Equals(team.Key, word, StringComparison.OrdinalIgnoreCase))
            ?? teams.FirstOrDefault(team => string.Equals(team.Name, word, StringComparison.OrdinalIgnoreCase))
            ?? teams.FirstOrDefault(team => team.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
            ?? (core.Length > 0 ? teams.FirstOrDefault(team => team.Name.Contains(core, StringComparison.OrdinalIgnoreCase)) : null);
    }

    /// <summary>The leads and people the asker's reports scope reaches, narrowed to a team when asked and allowed.</summary>
    internal static Result<(MetricScope Scope, Team? Team, AccessScope Reach)> Scope(ICrmSession session, User user, string? teamSaid)
    {
        var rights = LeadAccess.Of(session, user);
        var reach = rights.ScopeOf(Permission.ViewReports);
        if (rights.Query(Permission.ViewReports, int.MaxValue) is not { } query)
        {
            return new NotPermitted("reports.view", null);
        }

        Team? team = null;
        if (!string.IsNullOrWhiteSpace(teamSaid))
        {
            team = FindTeam(session.People.AllTeams(), teamSaid);
            if (team is null)
            {
                return new InvalidValue("team", teamSaid);
            }

            // Outside the asker's reach a team answers as one they may not see.
            if (!rights.SeesReportsOf(team.Key))
            {
                return new NotPermitted("reports.view", null);
            }

            query = query with { TeamKey = team.Key, TeamKeys = null };
        }

        var scoped = query with { IncludeClosed = true, Limit = int.MaxValue };
        // Everyone who ever worked in the scope, deactivated or not: their past activities still count.
        var people = session.People.AllUsers()
            .Where(person => query.OwnerKey is { } owner ? person.Key == owner
                : query.TeamKey is { } teamKey ? person.TeamKey == teamKey
                : query.TeamKeys is { } teamKeys ? person.TeamKey is not null && teamKeys.Contains(person.TeamKey)
                : true)
            .ToList();
        return Result<(MetricScope, Team?, AccessScope)>.Success((new MetricScope(scoped, people, session.Leads.List), team, reach));
    }
}
