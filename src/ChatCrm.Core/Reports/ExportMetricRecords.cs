using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>The records behind a number, all of them, for a spreadsheet.</summary>
public sealed record MetricExport(MetricAnswer Answer, IReadOnlyList<MetricRow> Rows);

/// <summary>
/// The Excel export of the records behind a number. It follows the export rules: only someone
/// whose position has the export permission may take it, it holds what their reports scope
/// reaches and no contact details (a list with full phones goes through /export and its approval),
/// and every export is an audit entry ("export.report") with the metric, period and count.
/// </summary>
public sealed class ExportMetricRecords(ICrmStore store, TimeProvider clock, CrmSettings crm, ReportSettings settings)
{
    public const string Act = "export.report";

    public async Task<Result<MetricExport>> HandleAsync(Actor actor, MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await store.ReadAsync(session => LeadAccess.Of(session, actor.User).Has(Permission.Export), cancellationToken))
        {
            return new NotPermitted(Act, null);
        }

        var answered = await new AnswerMetric(store, clock, crm, settings).WithRecordsAsync(actor, request, cancellationToken);
        if (!answered.IsSuccess)
        {
            return Result<MetricExport>.Failure(answered.Error!);
        }

        var answer = answered.Value!;
        var now = clock.GetUtcNow();

        // The rows come from the count's own reading of the leads, outside the writer; only the audit entry is a write.
        var rows = await store.ReadAsync(session =>
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            string NameOf(string key) => names.TryGetValue(key, out var name) ? name : names[key] = session.People.FindUser(key)?.DisplayName ?? key;
            return answer.Result.Records.Select(record =>
                (record.Lead ?? session.Leads.Find(record.LeadNumber)) is { } lead
                    ? new MetricRow(lead.ToSummary(), lead.OwnerKey is { } owner ? NameOf(owner) : null, record.Detail)
                    : null).OfType<MetricRow>().ToList();
        }, cancellationToken);
        return await store.WriteAsync(session =>
        {
            var what = $"{answer.Metric.Id} v{answer.Metric.Version}, {answer.Period?.DayRange ?? "as of now"}{(answer.Team is { } team ? $", team {team.Key}" : string.Empty)}: {rows.Count} records";
            session.Audit.Append(AuditTrail.Change(actor, Act, now, answer.Metric.Id, null, what));
            return Result<MetricExport>.Success(new MetricExport(answer, rows));
        }, cancellationToken);
    }
}
