using ChatCrm.Core.Reminders;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reminders;

/// <summary>
/// A reminder as a document. LiteDB has no compound index, so (state, due) and (state, owner) are
/// fields set only while the reminder is pending: the indexes hold pending reminders alone.
/// </summary>
internal static class ReminderDocuments
{
    public const string PendingDueAt = "PendingDueAt";
    public const string PendingOwnerKey = "PendingOwnerKey";

    /// <summary>
    /// The index of short ids (<see cref="ReminderReference.ShortId"/>), computed from the id itself,
    /// so reminders stored before short ids existed are found too: the last 8 of the id's 32 hex digits
    /// (STRING() would give the id's JSON, FORMAT gives its digits).
    /// </summary>
    public const string ShortId = "ShortId";

    public const string ShortIdExpression = "SUBSTRING(FORMAT($._id, 'N'), 24, 8)";

    public static BsonDocument ToDocument(Reminder reminder)
    {
        var pending = reminder.State == ReminderState.Pending;
        var document = new BsonDocument
        {
            ["_id"] = reminder.Id,
            ["OwnerKey"] = reminder.OwnerKey,
            ["Text"] = reminder.Text,
            ["LeadNumber"] = BsonFields.Text(reminder.LeadNumber),
            ["State"] = BsonFields.Name<ReminderState>(reminder.State),
            [PendingDueAt] = pending ? BsonFields.Ticks(reminder.DueAt) : BsonValue.Null,
            [PendingOwnerKey] = pending ? reminder.OwnerKey : BsonValue.Null,
        };
        BsonFields.SetMoment(document, "DueAt", reminder.DueAt);
        BsonFields.SetMoment(document, "CreatedAt", reminder.CreatedAt);
        return document;
    }

    public static Reminder ToReminder(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "OwnerKey"),
        BsonFields.GetMoment(document, "DueAt"),
        BsonFields.GetRequiredText(document, "Text"),
        BsonFields.GetText(document, "LeadNumber"),
        BsonFields.GetName<ReminderState>(document, "State"),
        BsonFields.GetMoment(document, "CreatedAt"));
}
