using ChatCrm.Core.Access;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>A person's pending reminders, soonest first, and the clock they read them on.</summary>
public sealed record ReminderList(IReadOnlyList<Reminder> Reminders, TimeZoneInfo Zone);

/// <summary>"/reminders": what is still to come for me, soonest first.</summary>
public sealed class ListReminders(ICrmStore store, CrmSettings settings)
{
    /// <summary>A chat list stays readable; the rest come once these are done.</summary>
    public const int PageSize = 10;

    public Task<ReminderList> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync(session => new ReminderList(session.Reminders.PendingFor(actor.Key, PageSize), PersonalTimeZone.Of(session, actor.User, settings)), cancellationToken);
}
