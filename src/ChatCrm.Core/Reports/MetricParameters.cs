using System.Globalization;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>
/// The values a metric counts with that an admin may change (each change a new version of the
/// definition, audited): first contact's SLA, the follow-up rate's window, when a lead is stale.
/// Without a revision they come from the settings (ChatCrm:Reports, ChatCrm:Crm:StaleAfterDays).
/// </summary>
public static class MetricParameters
{
    public const string SlaHours = "sla_hours";
    public const string WindowDays = "window_days";
    public const string StaleDays = "stale_days";

    /// <summary>Each metric's parameters and the range each may take.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, (int Min, int Max)>> Ranges { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, (int, int)>>(StringComparer.Ordinal)
        {
            [MetricDictionary.FirstContactWithinSla] = new Dictionary<string, (int, int)> { [SlaHours] = (1, 24 * 30) },
            [MetricDictionary.FollowUpRate] = new Dictionary<string, (int, int)> { [WindowDays] = (1, 365) },
            [MetricDictionary.StaleLeads] = new Dictionary<string, (int, int)> { [StaleDays] = (1, 365) },
        };

    /// <summary>The definition as it stands: its latest revision's version and parameters, else version 1 and the settings.</summary>
    public static MetricDefinition Effective(ICrmSession session, MetricDefinition metric, ReportSettings settings, CrmSettings crm)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(metric);
        var revision = session.MetricDefinitions.Find(metric.Id);
        var parameters = new Dictionary<string, string>(Defaults(metric.Id, settings, crm), StringComparer.Ordinal);
        foreach (var (name, value) in revision?.Parameters ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        return metric with { Version = revision?.Version ?? metric.Version, Parameters = parameters };
    }

    public static IReadOnlyDictionary<string, string> Defaults(string metricId, ReportSettings settings, CrmSettings crm)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(crm);
        return metricId switch
        {
            MetricDictionary.FirstContactWithinSla => new Dictionary<string, string> { [SlaHours] = Number(settings.FirstContactSla.TotalHours) },
            MetricDictionary.FollowUpRate => new Dictionary<string, string> { [WindowDays] = Number(settings.FollowUpWindow.TotalDays) },
            MetricDictionary.StaleLeads => new Dictionary<string, string> { [StaleDays] = Number(crm.StaleAfter.TotalDays) },
            _ => new Dictionary<string, string>(),
        };
    }

    /// <summary>A parameter's value as a span of time: hours for *_hours, days for *_days.</summary>
    public static TimeSpan Span(MetricDefinition metric, string name)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var value = int.Parse(metric.Parameters[name], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return name.EndsWith("_hours", StringComparison.Ordinal) ? TimeSpan.FromHours(value) : TimeSpan.FromDays(value);
    }

    private static string Number(double value) => ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture);
}
