using ChatCrm.Core.Partners;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Partners;

/// <summary>A partner key as a document, its _id the key id. The secret is never here, only its hash.</summary>
internal static class PartnerKeyDocuments
{
    public const string OwnerKey = "OwnerKey";

    public static BsonDocument ToDocument(PartnerKey key)
    {
        var document = new BsonDocument
        {
            ["_id"] = key.Id,
            [OwnerKey] = key.OwnerKey,
            ["Scopes"] = new BsonArray(key.Scopes.Select(scope => new BsonValue(scope))),
            ["SecretHash"] = key.SecretHash,
            ["CreatedBy"] = key.CreatedBy,
            ["RevokedBy"] = BsonFields.Text(key.RevokedBy),
        };
        BsonFields.SetMoment(document, "CreatedAt", key.CreatedAt);
        BsonFields.SetMoment(document, "RevokedAt", key.RevokedAt);
        return document;
    }

    public static PartnerKey ToKey(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, OwnerKey),
        [.. document["Scopes"].AsArray.Select(scope => scope.AsString)],
        BsonFields.GetRequiredText(document, "SecretHash"),
        BsonFields.GetMoment(document, "CreatedAt"),
        BsonFields.GetRequiredText(document, "CreatedBy"),
        BsonFields.GetOptionalMoment(document, "RevokedAt"),
        BsonFields.GetText(document, "RevokedBy"));
}
