using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

/// <summary>One document per changed metric, keyed by its id, holding its latest revision.</summary>
internal sealed class MetricDefinitionRepository(SessionScope scope, ILiteCollection<BsonDocument> revisions) : IMetricDefinitions
{
    private const string Version = "Version";
    private const string Parameters = "Parameters";
    private const string ChangedBy = "ChangedBy";
    private const string ChangedAt = "ChangedAt";
    private const string Reason = "Reason";

    public MetricRevision? Find(string metricId)
    {
        var document = scope.Read(() => revisions.FindById(metricId));
        if (document is null)
        {
            return null;
        }

        var parameters = document[Parameters].AsDocument.ToDictionary(pair => pair.Key, pair => pair.Value.AsString, StringComparer.Ordinal);
        return new MetricRevision(metricId, document[Version].AsInt32, parameters, document[ChangedBy].AsString, BsonFields.GetMoment(document, ChangedAt), document[Reason].AsString);
    }

    public void Save(MetricRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var parameters = new BsonDocument();
        foreach (var (name, value) in revision.Parameters)
        {
            parameters[name] = value;
        }

        var document = new BsonDocument
        {
            ["_id"] = revision.MetricId,
            [Version] = revision.Version,
            [Parameters] = parameters,
            [ChangedBy] = revision.ChangedBy,
            [Reason] = revision.Reason,
        };
        BsonFields.SetMoment(document, ChangedAt, revision.ChangedAt);
        scope.Write(() => revisions.Upsert(document));
    }
}
