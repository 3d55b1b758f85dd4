using ChatCrm.Core.Access;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>A person's pending reminders, soonest first, and the clock they read them on.</summary>
/// <param name="HasMore">True when more are pending than are listed.</param>
public sealed record ReminderList(IReadOnlyList<Reminder> Reminders, bool HasMore, TimeZoneInfo Zone);

/// <summary>"/reminders": what is still to come for me, soonest first.</summary>
public sealed class ListReminders(ICrmStore store, CrmSettings settings)
{
    /// <summary>Each listed reminder is a card of its own with its buttons: a few keep the chat readable.</summary>
    public const int PageSize = 5;

    public Task<ReminderList> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync(session =>
        {
            var pending = session.Reminders.PendingFor(actor.Key, PageSize + 1);
            return new ReminderList([.. pending.Take(PageSize)], pending.Count > PageSize, PersonalTimeZone.Of(session, actor.User, settings));
        }, cancellationToken);
}
