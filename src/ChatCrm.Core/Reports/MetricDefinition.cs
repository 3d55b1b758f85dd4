namespace ChatCrm.Core.Reports;

/// <summary>Which moment of a record places it in a period.</summary>
public enum MetricAnchor
{
    /// <summary>When the lead was created.</summary>
    Created,

    /// <summary>When the lead was won or lost.</summary>
    Closed,

    /// <summary>When the follow-up (activity) happened.</summary>
    Activity,

    /// <summary>No period: the state as of now (open pipeline, stale leads).</summary>
    Now,
}

public enum MetricUnit
{
    Count,
    Percent,
    Hours,
    Days,
    Money,
}

/// <summary>
/// One metric as the whole organisation means it: the single definition every chat answer, chart,
/// digest and dashboard computes from. Changing what it counts bumps <see cref="Version"/>, and every
/// number shown carries its id and version, so two quotes of "the conversion rate" can be compared.
/// </summary>
/// <param name="Synonyms">Words people use for it, zh and en (lower case); a word two metrics share is ambiguous and asked about.</param>
/// <param name="Cohort">True: the records created in the period, followed however long it took (cohort). False: what happened in the period.</param>
public sealed record MetricDefinition(
    string Id,
    int Version,
    string NameZh,
    string NameEn,
    IReadOnlyList<string> Synonyms,
    string NumeratorZh,
    string NumeratorEn,
    string? DenominatorZh,
    string? DenominatorEn,
    MetricAnchor Anchor,
    bool Cohort,
    MetricUnit Unit,
    string DefaultFiltersZh = "不含测试、演示和内部数据",
    string DefaultFiltersEn = "test, demo and internal records excluded")
{
    /// <summary>The values it counts with (sla_hours, window_days, stale_days), as the latest revision or the settings give them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string Name(string language) => language == "en" ? NameEn : NameZh;

    /// <summary>"win_rate v1: won ÷ (won + lost), closed in the period", in the asker's language.</summary>
    public string DefinitionLine(string language)
    {
        var (numerator, denominator) = language == "en" ? (NumeratorEn, DenominatorEn) : (NumeratorZh, DenominatorZh);
        var ratio = denominator is null ? numerator : $"{numerator} ÷ {denominator}";
        var anchor = (Anchor, Cohort, language == "en") switch
        {
            (MetricAnchor.Now, _, true) => "as of now",
            (MetricAnchor.Now, _, false) => "截至此刻",
            (MetricAnchor.Created, true, true) => "leads created in the period (cohort)",
            (MetricAnchor.Created, true, false) => "统计期内创建的线索(同期群)",
            (MetricAnchor.Created, false, true) => "created in the period",
            (MetricAnchor.Created, false, false) => "统计期内创建",
            (MetricAnchor.Closed, _, true) => "closed in the period",
            (MetricAnchor.Closed, _, false) => "统计期内成交或输单",
            (MetricAnchor.Activity, _, true) => "activities in the period",
            (_, _, _) => "统计期内的跟进",
        };
        var filters = language == "en" ? DefaultFiltersEn : DefaultFiltersZh;
        var parameters = Parameters.Count == 0 ? string.Empty : "; " + string.Join(", ", Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        return $"{Id} v{Version}: {ratio}; {anchor}; {filters}{parameters}";
    }
}
