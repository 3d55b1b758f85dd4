using System.Text.RegularExpressions;
using ChatCrm.Core.Reports;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// /metrics [metric], /report [metric] [period] [team=…], and the metric, period and team of a
/// report asked in a sentence ("本周东区转化率", "pipeline by stage this month").
/// </summary>
internal static partial class ReportCommands
{
    public static Intent Metrics(string args) =>
        args.Trim().Length == 0 ? new ListMetricsIntent() : new ExplainMetricIntent(args.Trim());

    /// <summary>"/admin metric set first_contact_sla sla_hours=12 reason=客户要求两小时内回电" (the words after "/admin metric").</summary>
    public static Intent ChangeMetric(IReadOnlyList<string> words)
    {
        // words: ["set", metric, "name=value", "reason=…", …]
        var metric = words.Count > 1 ? words[1] : null;
        var setting = words.Skip(2).FirstOrDefault(word => word.Contains('=', StringComparison.Ordinal) && !word.StartsWith("reason=", StringComparison.OrdinalIgnoreCase));
        var reasonAt = words.ToList().FindIndex(word => word.StartsWith("reason=", StringComparison.OrdinalIgnoreCase));
        var reason = reasonAt < 0 ? null : string.Join(' ', words.Skip(reasonAt))["reason=".Length..].Trim();
        var (name, value) = setting is null ? (null, null) : (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        return new ChangeMetricIntent(metric, name, value, string.IsNullOrWhiteSpace(reason) ? null : reason);
    }

    /// <summary>"/report win_rate last-month team=East", in any order; dates as 2026-11-01..2026-11-15.</summary>
    public static QueryReportIntent Report(string args)
    {
        string? team = null;
        string? period = null;
        var rest = new List<string>();
        foreach (var word in args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word.StartsWith("team=", StringComparison.OrdinalIgnoreCase))
            {
                team = word["team=".Length..];
            }
            else if (period is null && IsPeriodWord(word))
            {
                period = word;
            }
            else
            {
                rest.Add(word);
            }
        }

        var said = string.Join(' ', rest);
        return new QueryReportIntent(MetricOf(said), period ?? QueryVocabulary.FindPeriod(said), team);
    }

    /// <summary>A report asked in a sentence.</summary>
    public static QueryReportIntent Read(string text) =>
        new(MetricOf(text), QueryVocabulary.FindPeriod(text), TeamOf(text));

    /// <summary>The metric's id when the words name one, the words that name several ("转化率"), else the interpreter's coarse word.</summary>
    private static string? MetricOf(string text)
    {
        var (named, word) = MetricDictionary.Match(text);
        return named.Count == 1 ? named[0].Id : named.Count > 1 ? word : QueryVocabulary.FindMetric(text);
    }

    private static bool IsPeriodWord(string word) =>
        Dates().IsMatch(word) || ReportPeriod.Keys.Contains(word.ToLowerInvariant().Replace('-', '_'), StringComparer.Ordinal)
        || QueryVocabulary.FindPeriod(word) is not null;

    private static string? TeamOf(string text)
    {
        var m = Team().Match(text);
        return !m.Success ? null : m.Groups["zh"].Success ? m.Groups["zh"].Value : m.Groups["en"].Value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:(?:\.\.|~)\d{4}-\d{2}-\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dates();

    // Regions as Chinese sales floors name them ("东区", "华南区", "华东", "西北大区"); "team East", "the east team".
    [GeneratedRegex(@"(?<zh>(?:华[东南西北中]|[东南西北中]{1,2})(?:大区|区|组|团队)|华[东南西北中])|(?<![A-Za-z])team\s+(?<en>[A-Za-z][\w-]*)|(?<en>[A-Za-z][\w-]*)\s+team(?![A-Za-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Team();
}
