using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reminders;

internal sealed class ReminderRepository(SessionScope scope, ILiteCollection<BsonDocument> reminders) : IReminderRepository
{
    public Reminder? Find(Guid id)
    {
        var document = scope.Read(() => reminders.FindById(id));
        return document is null ? null : ReminderDocuments.ToReminder(document);
    }

    public IReadOnlyList<Reminder> DueBy(DateTimeOffset moment, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => reminders
            .Query()
            .Where(BsonExpression.Create($"$.{ReminderDocuments.PendingDueAt} BETWEEN @0 AND @1", new BsonValue(long.MinValue), new BsonValue(moment.UtcTicks)))
            .OrderBy(BsonExpression.Create("$." + ReminderDocuments.PendingDueAt))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(ReminderDocuments.ToReminder)];
    }

    public IReadOnlyList<Reminder> PendingFor(string ownerKey, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => reminders
            .Find(BsonExpression.Create($"$.{ReminderDocuments.PendingOwnerKey} = @0", new BsonValue(ownerKey)))
            .ToList());
        return
        [
            .. documents
                .Select(ReminderDocuments.ToReminder)
                .OrderBy(reminder => reminder.DueAt)
                .ThenBy(reminder => reminder.Id)
                .Take(limit),
        ];
    }

    public IReadOnlyList<Reminder> FindByShortId(string shortId, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => reminders
            .Query()
            .Where(BsonExpression.Create($"{ReminderDocuments.ShortIdExpression} = @0", new BsonValue(shortId.ToLowerInvariant())))
            .Limit(limit)
            .ToList());
        return [.. documents.Select(ReminderDocuments.ToReminder)];
    }

    public void Insert(Reminder reminder)
    {
        var document = ReminderDocuments.ToDocument(reminder);
        scope.Write(() => reminders.Insert(document));
    }

    public void Update(Reminder reminder)
    {
        var document = ReminderDocuments.ToDocument(reminder);
        if (!scope.Write(() => reminders.Update(document)))
        {
            throw new InvalidOperationException($"Reminder {reminder.Id} is not stored, so it cannot be updated.");
        }
    }
}
