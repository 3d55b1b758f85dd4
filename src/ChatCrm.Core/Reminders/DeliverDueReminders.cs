using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>
/// Turns reminders that are due into notices in the outbox, once each: the reminder's state and
/// its notice are written together, so running this twice sends nothing twice.
/// </summary>
public sealed class DeliverDueReminders(ICrmStore store, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Returns how many reminders were handed to the outbox.</summary>
    public Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            var due = session.Reminders.DueBy(now, BatchSize);
            foreach (var reminder in due)
            {
                session.Reminders.Update(reminder with { State = ReminderState.Delivered });
                Notices.ReminderIsDue(session, reminder, now);
            }

            return due.Count;
        }, cancellationToken);
    }
}
