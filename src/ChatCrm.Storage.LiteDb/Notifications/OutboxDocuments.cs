using ChatCrm.Core.Notifications;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Notifications;

/// <summary>
/// An outbox message as a document. The "Pending…" and "DeadLetter…" fields stand in for compound
/// (state, …) indexes: each is set only while the message is in that state.
/// </summary>
internal static class OutboxDocuments
{
    public const string PendingAttemptAt = "PendingAttemptAt";
    public const string PendingRecipientKey = "PendingRecipientKey";
    public const string DeadLetterCreatedAt = "DeadLetterCreatedAt";

    public static BsonDocument ToDocument(OutboxMessage message)
    {
        var pending = message.State == OutboxState.Pending;
        var deadLettered = message.State == OutboxState.DeadLettered;
        var document = new BsonDocument
        {
            ["_id"] = message.Id,
            ["RecipientKey"] = message.RecipientKey,
            ["Notice"] = NoticeToDocument(message.Notice),
            ["State"] = BsonFields.Name<OutboxState>(message.State),
            ["Attempts"] = message.Attempts,
            ["LastError"] = BsonFields.Text(message.LastError),
            [PendingAttemptAt] = pending ? BsonFields.Ticks(message.NextAttemptAt) : BsonValue.Null,
            [PendingRecipientKey] = pending ? message.RecipientKey : BsonValue.Null,
            [DeadLetterCreatedAt] = deadLettered ? BsonFields.Ticks(message.CreatedAt) : BsonValue.Null,
        };
        BsonFields.SetMoment(document, "CreatedAt", message.CreatedAt);
        BsonFields.SetMoment(document, "NextAttemptAt", message.NextAttemptAt);
        BsonFields.SetMoment(document, "DeliveredAt", message.DeliveredAt);
        return document;
    }

    public static OutboxMessage ToMessage(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "RecipientKey"),
        NoticeFromDocument(document["Notice"].AsDocument),
        BsonFields.GetMoment(document, "CreatedAt"),
        BsonFields.GetName<OutboxState>(document, "State"),
        document["Attempts"].AsInt32,
        BsonFields.GetMoment(document, "NextAttemptAt"),
        BsonFields.GetText(document, "LastError"),
        BsonFields.GetOptionalMoment(document, "DeliveredAt"));

    // Args as [name, value] pairs, not as fields: argument names are free text, field names are not.
    private static BsonDocument NoticeToDocument(Notice notice) => new()
    {
        ["Kind"] = notice.Kind,
        ["Args"] = new BsonArray(notice.Args.Select(arg => new BsonArray(new BsonValue(arg.Key), new BsonValue(arg.Value)))),
    };

    private static Notice NoticeFromDocument(BsonDocument document)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in document["Args"].AsArray)
        {
            args[pair.AsArray[0].AsString] = pair.AsArray[1].AsString;
        }

        return new Notice(document["Kind"].AsString, args);
    }
}
