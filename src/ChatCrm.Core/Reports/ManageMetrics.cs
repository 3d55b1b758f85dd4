using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>A parameter a metric does not have, or a value outside its range.</summary>
public sealed record InvalidMetricParameter(string MetricId, string Parameter, string? Given, IReadOnlyDictionary<string, (int Min, int Max)> Allowed) : CrmError
{
    public override string Code => "metric_parameter_invalid";
}

/// <summary>A definition change: the definition before and after, and the audit entry it made.</summary>
public sealed record MetricChanged(MetricDefinition Before, MetricDefinition After);

/// <summary>
/// The dictionary as it stands (each metric's current version and parameters), and an admin's
/// change to a definition: a new version, audited with the definition line before and after, so a
/// number quoted with "first_contact_sla v2" can always be traced to what v2 meant.
/// </summary>
public sealed class ManageMetrics(ICrmStore store, TimeProvider clock, CrmSettings crm, ReportSettings settings)
{
    public const string ChangeAct = "metric.change";

    public Task<IReadOnlyList<MetricDefinition>> ListAsync(CancellationToken cancellationToken) =>
        store.ReadAsync<IReadOnlyList<MetricDefinition>>(session =>
            [.. MetricDictionary.All.Select(metric => MetricParameters.Effective(session, metric, settings, crm))], cancellationToken);

    public async Task<Result<MetricDefinition>> ExplainAsync(string? said, CancellationToken cancellationToken)
    {
        var resolved = AnswerMetric.Resolve(said);
        if (!resolved.IsSuccess)
        {
            return Result<MetricDefinition>.Failure(resolved.Error!);
        }

        return Result<MetricDefinition>.Success(await store.ReadAsync(session => MetricParameters.Effective(session, resolved.Value!, settings, crm), cancellationToken));
    }

    /// <summary>/admin metric set first_contact_sla sla_hours=12 reason=…</summary>
    public Task<Result<MetricChanged>> ChangeAsync(Actor actor, string? metricSaid, string? parameter, string? value, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<MetricChanged>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted(ChangeAct, null);
            }

            if (MetricDictionary.Find(metricSaid) is not { } metric)
            {
                return new UnknownMetric(metricSaid);
            }

            var allowed = MetricParameters.Ranges.GetValueOrDefault(metric.Id) ?? new Dictionary<string, (int, int)>();
            if (parameter is null || !allowed.TryGetValue(parameter, out var range)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < range.Min || number > range.Max)
            {
                return new InvalidMetricParameter(metric.Id, parameter ?? string.Empty, value, allowed);
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                return new MissingValue("reason");
            }

            var before = MetricParameters.Effective(session, metric, settings, crm);
            if (before.Parameters.GetValueOrDefault(parameter) == number.ToString(CultureInfo.InvariantCulture))
            {
                return new NoChange(metric.Id);
            }

            var parameters = new Dictionary<string, string>(before.Parameters, StringComparer.Ordinal) { [parameter] = number.ToString(CultureInfo.InvariantCulture) };
            session.MetricDefinitions.Save(new MetricRevision(metric.Id, before.Version + 1, parameters, actor.Key, now, reason.Trim()));
            var after = MetricParameters.Effective(session, metric, settings, crm);
            session.Audit.Append(AuditTrail.Change(actor, ChangeAct, now, metric.Id, before.DefinitionLine("en"), after.DefinitionLine("en"), reason.Trim()));
            return Result<MetricChanged>.Success(new MetricChanged(before, after));
        }, cancellationToken);
    }
}
