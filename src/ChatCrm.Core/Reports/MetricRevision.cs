namespace ChatCrm.Core.Reports;

/// <summary>
/// A metric's definition as an admin changed it: its version and the parameters it counts with
/// (e.g. first_contact_sla's sla_hours). The dictionary's code gives version 1 and the defaults;
/// every change is a new revision with the next version, and an audit entry.
/// </summary>
public sealed record MetricRevision(string MetricId, int Version, IReadOnlyDictionary<string, string> Parameters, string ChangedBy, DateTimeOffset ChangedAt, string Reason);
