using ChatCrm.Core.Health;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Health;

/// <summary>One document per integration, its _id the integration's name.</summary>
internal sealed class IntegrationHealthRepository(SessionScope scope, ILiteCollection<BsonDocument> states) : IIntegrationHealthLog
{
    public IntegrationState? Find(string integration)
    {
        var document = scope.Read(() => states.FindById(integration));
        return document is null ? null : ToState(document);
    }

    public IReadOnlyList<IntegrationState> All() =>
        [.. scope.Read(() => states.FindAll().ToList()).Select(ToState).OrderBy(state => state.Integration, StringComparer.Ordinal)];

    public void Save(IntegrationState state)
    {
        var document = new BsonDocument
        {
            ["_id"] = state.Integration,
            ["Healthy"] = state.Healthy,
            ["LastError"] = BsonFields.Text(state.LastError),
            ["Alerted"] = state.Alerted,
        };
        BsonFields.SetMoment(document, "Since", state.Since);
        BsonFields.SetMoment(document, "CheckedAt", state.CheckedAt);
        scope.Write(() => states.Upsert(document));
    }

    private static IntegrationState ToState(BsonDocument document) => new(
        document["_id"].AsString,
        document["Healthy"].AsBoolean,
        BsonFields.GetMoment(document, "Since"),
        BsonFields.GetMoment(document, "CheckedAt"),
        BsonFields.GetText(document, "LastError"),
        document["Alerted"].AsBoolean);
}
