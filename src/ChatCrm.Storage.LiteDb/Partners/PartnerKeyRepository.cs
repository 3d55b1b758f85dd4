using ChatCrm.Core.Partners;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Partners;

/// <summary>Partner keys: few, read by id on every partner request, by owner when someone is offboarded.</summary>
internal sealed class PartnerKeyRepository(SessionScope scope, ILiteCollection<BsonDocument> keys) : IPartnerKeys
{
    public PartnerKey? Find(string id)
    {
        var document = scope.Read(() => keys.FindById(id));
        return document is null ? null : PartnerKeyDocuments.ToKey(document);
    }

    public IReadOnlyList<PartnerKey> All() =>
        [.. scope.Read(() => keys.FindAll().ToList()).Select(PartnerKeyDocuments.ToKey).OrderBy(key => key.CreatedAt).ThenBy(key => key.Id, StringComparer.Ordinal)];

    public IReadOnlyList<PartnerKey> OwnedBy(string ownerKey) =>
        [.. scope.Read(() => keys.Find(BsonExpression.Create($"$.{PartnerKeyDocuments.OwnerKey} = @0", new BsonValue(ownerKey))).ToList()).Select(PartnerKeyDocuments.ToKey)];

    public void Save(PartnerKey key)
    {
        var document = PartnerKeyDocuments.ToDocument(key);
        scope.Write(() => keys.Upsert(document));
    }
}
