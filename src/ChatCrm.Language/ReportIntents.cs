namespace ChatCrm.Language;

/// <summary>/metrics: the metrics dictionary, one line each.</summary>
public sealed record ListMetricsIntent : Intent
{
    public override string Name => "list_metrics";
}

/// <summary>/admin recount: an admin has the report tallies counted again from the leads and mended where they differ.</summary>
public sealed record RecountReportsIntent : Intent
{
    public override string Name => "recount_reports";
}

/// <summary>/metrics win_rate: one metric's definition.</summary>
public sealed record ExplainMetricIntent(string? Metric) : Intent
{
    public override string Name => "explain_metric";
}

/// <summary>The Details button under a number: the records behind it.</summary>
public sealed record MetricDetailsIntent(string? Metric, string? Period, string? Team) : Intent
{
    public override string Name => "metric_details";
}

/// <summary>An admin marks a lead as test, demo or internal data that reports leave out (/admin exclude L-… test), or counts it again (/admin exclude L-… off).</summary>
public sealed record ExcludeFromReportsIntent(string? LeadMention, string? Kind) : Intent
{
    public override string Name => "exclude_from_reports";
}

/// <summary>An admin changes a metric's definition: /admin metric set first_contact_sla sla_hours=12 reason=…</summary>
public sealed record ChangeMetricIntent(string? Metric, string? Parameter, string? Value, string? Reason) : Intent
{
    public override string Name => "change_metric";
}
