using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Digest;

/// <summary>One number of the metrics dictionary as a digest showed it, with the one before it to compare with.</summary>
/// <param name="Period">The period it was asked for ("yesterday", "2026-11-17..2026-11-23"), null for a state as of now.</param>
/// <param name="DayRange">The exact days it covers, null for a state.</param>
/// <param name="Count">How many records stand behind it (its Details list).</param>
/// <param name="Previous">The period before; for a state, what the team's previous digest showed; null when unknown.</param>
public sealed record DigestMetric(
    string MetricId,
    int Version,
    string? Period,
    string? DayRange,
    decimal? Value,
    int Count,
    int? Of,
    decimal? Previous,
    int Excluded,
    IReadOnlyList<MetricPart> Parts);

public enum DigestExceptionKind
{
    /// <summary>An opportunity (probability 40 or more) past its promised next follow-up.</summary>
    OverdueDeal,

    /// <summary>Never followed up, and created longer ago than the first-contact SLA.</summary>
    Uncontacted,

    /// <summary>Owned, and no follow-up for the stale-lead days.</summary>
    Quiet,
}

/// <summary>A lead the manager should look at today, and since when it has been so.</summary>
public sealed record DigestException(DigestExceptionKind Kind, string LeadNumber, string LeadName, string? OwnerName, DateTimeOffset Since, decimal? Amount);

/// <summary>
/// The digest's numbers from the metrics dictionary, asked exactly as a chat question would ask
/// them (so the digest, the chat and the dashboard agree), and the exceptions worth a manager's morning.
/// </summary>
public static class DigestMetrics
{
    /// <summary>The exceptions listed by name; the card counts the rest.</summary>
    public const int ExceptionsListed = 5;

    /// <summary>The metric whose parts the digest's one chart draws.</summary>
    public const string Charted = MetricDictionary.PipelineByStage;

    /// <summary>Each number the digest shows and the period it is asked for, on the organisation's calendar at <paramref name="today"/>.</summary>
    public static IReadOnlyList<(string Metric, string? Period)> Shown(DateOnly today) =>
    [
        (MetricDictionary.NewLeads, "yesterday"),
        (MetricDictionary.FirstContactWithinSla, Dates(today.AddDays(-7), today.AddDays(-1))),
        (MetricDictionary.LeadToOpportunity, "this_month"),
        (MetricDictionary.WonRevenue, "this_month"),
        (MetricDictionary.PipelineByStage, null),
    ];

    /// <param name="asker">Whose reports scope the numbers are asked in: the digest's recipient; narrowed to the team.</param>
    /// <param name="earlier">The team's previous digest, whose numbers a state (the pipeline) is compared with.</param>
    public static IReadOnlyList<DigestMetric> Count(ICrmSession session, AnswerMetric answers, User asker, Team team, DateTimeOffset now, TimeZoneInfo organisationZone, ManagerDigest? earlier)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(team);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, organisationZone).DateTime);
        var shown = new List<DigestMetric>();
        foreach (var (metric, period) in Shown(today))
        {
            var answered = answers.Answer(session, new Actor(asker, "digest", null), new MetricRequest(metric, period, team.Key), now);
            if (answered.Value is not { } answer)
            {
                continue;
            }

            var previous = answer.Previous is { } before ? before.Value : earlier?.Metrics.FirstOrDefault(old => old.MetricId == metric)?.Value;
            shown.Add(new DigestMetric(
                metric, answer.Metric.Version, period, answer.Period?.DayRange, answer.Result.Value, answer.Result.RecordCount, answer.Result.Denominator,
                previous, answer.Result.Excluded, answer.Result.Parts));
        }

        return shown;
    }

    private static string Dates(DateOnly from, DateOnly to) =>
        from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
