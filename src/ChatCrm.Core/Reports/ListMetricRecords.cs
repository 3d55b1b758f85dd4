using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>One row of a Details list: the lead as the asker may see it, and what placed it in the number.</summary>
public sealed record MetricRow(LeadSummary Lead, string? OwnerName, string? Detail);

/// <summary>The records behind a number: as many as the number counts (<see cref="Total"/>), the first few listed.</summary>
public sealed record MetricRecords(MetricAnswer Answer, int Total, IReadOnlyList<MetricRow> Rows);

/// <summary>
/// The Details button under every number: the same computation over the same committed data, listing the
/// records it counted — so the list's total always equals the number it explains.
/// </summary>
public sealed class ListMetricRecords(ICrmStore store, TimeProvider clock, CrmSettings crm, ReportSettings settings)
{
    public const int Shown = 10;

    public async Task<Result<MetricRecords>> HandleAsync(Actor actor, MetricRequest request, CancellationToken cancellationToken)
    {
        var answered = await new AnswerMetric(store, clock, crm, settings).WithRecordsAsync(actor, request, cancellationToken);
        if (!answered.IsSuccess)
        {
            return Result<MetricRecords>.Failure(answered.Error!);
        }

        var answer = answered.Value!;
        var records = answer.Result.Records;
        var rows = await store.ReadAsync(session => records.Take(Shown).Select(record =>
        {
            var lead = session.Leads.Find(record.LeadNumber);
            return lead is null ? null : new MetricRow(lead.ToSummary(), lead.OwnerKey is { } owner ? session.People.FindUser(owner)?.DisplayName ?? owner : null, record.Detail);
        }).OfType<MetricRow>().ToList(), cancellationToken);
        return Result<MetricRecords>.Success(new MetricRecords(answer, records.Count, rows));
    }
}
