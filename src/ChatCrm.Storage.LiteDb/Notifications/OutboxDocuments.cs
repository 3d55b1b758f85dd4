using ChatCrm.Core.Notifications;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Notifications;

/// <summary>
/// An outbox message as a document. The "Pending…" and "DeadLetter…" fields stand in for compound
/// (state, …) indexes: each is set only while the message is in that state — PendingAttemptAt for
/// channel deliveries (the dispatcher's), PendingRecipientKey for notices (the inbox's) and
/// PendingNoticeAt for notices (the router's).
/// </summary>
internal static class OutboxDocuments
{
    public const string PendingAttemptAt = "PendingAttemptAt";
    public const string PendingRecipientKey = "PendingRecipientKey";
    public const string PendingNoticeAt = "PendingNoticeAt";
    public const string DeadLetterCreatedAt = "DeadLetterCreatedAt";

    public static BsonDocument ToDocument(OutboxMessage message)
    {
        var pending = message.State == OutboxState.Pending;
        var deadLettered = message.State == OutboxState.DeadLettered;
        var document = new BsonDocument
        {
            ["_id"] = message.Id,
            ["RecipientKey"] = message.RecipientKey,
            ["Notice"] = message.Notice is null ? BsonValue.Null : NoticeToDocument(message.Notice),
            ["Delivery"] = message.Delivery is null ? BsonValue.Null : new BsonDocument
            {
                ["Channel"] = message.Delivery.Channel,
                ["Address"] = message.Delivery.Address,
                ["Content"] = message.Delivery.Content,
            },
            ["State"] = BsonFields.Name<OutboxState>(message.State),
            ["Attempts"] = message.Attempts,
            ["LastError"] = BsonFields.Text(message.LastError),
            [PendingAttemptAt] = pending && message.Delivery is not null ? BsonFields.Ticks(message.NextAttemptAt) : BsonValue.Null,
            [PendingRecipientKey] = pending && message.Notice is not null ? message.RecipientKey : BsonValue.Null,
            [PendingNoticeAt] = pending && message.Notice is not null ? BsonFields.Ticks(message.NextAttemptAt) : BsonValue.Null,
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
        document["Notice"].IsDocument ? NoticeFromDocument(document["Notice"].AsDocument) : null,
        BsonFields.GetMoment(document, "CreatedAt"),
        BsonFields.GetName<OutboxState>(document, "State"),
        document["Attempts"].AsInt32,
        BsonFields.GetMoment(document, "NextAttemptAt"),
        BsonFields.GetText(document, "LastError"),
        BsonFields.GetOptionalMoment(document, "DeliveredAt"),
        document.TryGetValue("Delivery", out var delivery) && delivery.IsDocument
            ? new Delivery(delivery["Channel"].AsString, delivery["Address"].AsString, delivery["Content"].AsString)
            : null);

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
