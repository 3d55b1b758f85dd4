using ChatCrm.Core.Audit;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Leads;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Audit;

/// <summary>
/// An audit entry as a document; its lead snapshots are stored like leads (the phone protected).
/// ActorAt and LeadAt are "key + time" strings standing in for the compound indexes
/// (actor, at) and (lead, at) that LiteDB lacks, so "newest first" is an index walk. Seq, the
/// entry's place in the hash chain, is indexed so appending finds the last one and verifying walks
/// the chain in order.
/// </summary>
internal static class AuditDocuments
{
    public const string ActorAt = "ActorAt";
    public const string LeadAt = "LeadAt";
    public const string ConversationKey = "ConversationKey";
    public const string Sequence = "Seq";

    public static BsonDocument ToDocument(AuditEntry entry, IPersonalDataProtector protector)
    {
        var document = new BsonDocument
        {
            ["_id"] = entry.Id,
            ["ActorKey"] = entry.ActorKey,
            ["Channel"] = entry.Channel,
            [ConversationKey] = BsonFields.Text(entry.ConversationKey),
            ["Action"] = entry.Action,
            ["LeadNumber"] = BsonFields.Text(entry.LeadNumber),
            ["Before"] = entry.Before is null ? BsonValue.Null : LeadDocuments.SnapshotToDocument(entry.Before, protector),
            ["After"] = entry.After is null ? BsonValue.Null : LeadDocuments.SnapshotToDocument(entry.After, protector),
            ["Detail"] = BsonFields.Text(entry.Detail),
            ["UndoneBy"] = BsonFields.Id(entry.UndoneBy),
            [ActorAt] = BsonFields.OwnerAndTime(entry.ActorKey, entry.At.UtcTicks),
            [LeadAt] = entry.LeadNumber is null ? BsonValue.Null : BsonFields.OwnerAndTime(entry.LeadNumber, entry.At.UtcTicks),
            ["Subject"] = BsonFields.Text(entry.Subject),
            ["BeforeText"] = BsonFields.Text(entry.BeforeText),
            ["AfterText"] = BsonFields.Text(entry.AfterText),
            ["Result"] = entry.Result,
            ["Ip"] = BsonFields.Text(entry.Ip),
            ["Device"] = BsonFields.Text(entry.Device),
            [Sequence] = entry.Seal is { } seal ? seal.Sequence : BsonValue.Null,
            ["PreviousHash"] = BsonFields.Text(entry.Seal?.PreviousHash),
            ["Hash"] = BsonFields.Text(entry.Seal?.Hash),
        };
        BsonFields.SetMoment(document, "At", entry.At);
        return document;
    }

    public static AuditEntry ToEntry(BsonDocument document, IPersonalDataProtector protector) => new(
        document["_id"].AsGuid,
        BsonFields.GetMoment(document, "At"),
        BsonFields.GetRequiredText(document, "ActorKey"),
        BsonFields.GetRequiredText(document, "Channel"),
        BsonFields.GetText(document, ConversationKey),
        BsonFields.GetRequiredText(document, "Action"),
        BsonFields.GetText(document, "LeadNumber"),
        document["Before"].IsNull ? null : LeadDocuments.SnapshotFromDocument(document["Before"].AsDocument, protector),
        document["After"].IsNull ? null : LeadDocuments.SnapshotFromDocument(document["After"].AsDocument, protector),
        BsonFields.GetText(document, "Detail"),
        BsonFields.GetOptionalId(document, "UndoneBy"),
        BsonFields.GetText(document, "Subject"),
        BsonFields.GetText(document, "BeforeText"),
        BsonFields.GetText(document, "AfterText"),
        BsonFields.GetText(document, "Result") ?? "ok",
        BsonFields.GetText(document, "Ip"),
        BsonFields.GetText(document, "Device"),
        document[Sequence].IsNumber
            ? new AuditSeal(document[Sequence].AsInt64, BsonFields.GetRequiredText(document, "PreviousHash"), BsonFields.GetRequiredText(document, "Hash"))
            : null);
}
