namespace ChatCrm.Core.Reports;

/// <summary>One row behind a number: a lead, with what placed it there (a follow-up's author and day, say).</summary>
public sealed record MetricRecord(string LeadNumber, string? Detail = null)
{
    /// <summary>The lead as it was read for the count, so listing the records needs no second read.</summary>
    public Leads.Lead? Lead { get; init; }
}

/// <summary>A part of a number: a stage of the pipeline, a month of revenue, a salesperson's activities.</summary>
public sealed record MetricPart(string Label, decimal Value, int Count);

/// <summary>
/// A metric's value over one scope and period, with the records behind it: for a count, the records
/// counted; for a rate, its numerator's records (so a Details list always has as many rows as the
/// number it explains says); for a median, the records measured.
/// </summary>
/// <param name="Value">Null when there was nothing to measure (a rate over no leads).</param>
/// <param name="Excluded">Test, demo and internal leads the scope held and the number left out.</param>
public sealed record MetricResult(
    decimal? Value,
    int? Numerator,
    int? Denominator,
    IReadOnlyList<MetricPart> Parts,
    IReadOnlyList<MetricRecord> Records,
    int Excluded)
{
    /// <summary>How many records stand behind the number (what its Details list holds), listed or not.</summary>
    public int RecordCount => Numerator ?? Records.Count;
}
