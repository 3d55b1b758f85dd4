using ChatCrm.Core.Notifications;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>
/// Turns reminders that are due into notices in the outbox, once each: the reminder's state and
/// its notice are written together, so running this twice sends nothing twice. The scheduler runs
/// it every minute ("due-reminders"); a run missed while the app was down finds the overdue ones.
/// </summary>
public sealed class DeliverDueReminders(ICrmStore store, TimeProvider clock) : IScheduledJob
{
    public const int BatchSize = 200;

    /// <summary>Hands one batch to the outbox; returns how many reminders it held.</summary>
    public Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            var due = session.Reminders.DueBy(now, BatchSize);
            foreach (var reminder in due)
            {
                // Offboarding cancels a person's reminders; one set meanwhile is cancelled here, never sent.
                if (session.People.FindUser(reminder.OwnerKey) is { IsActive: false })
                {
                    session.Reminders.Update(reminder with { State = ReminderState.Cancelled });
                    continue;
                }

                session.Reminders.Update(reminder with { State = ReminderState.Delivered });
                Notices.ReminderIsDue(session, reminder, now);
            }

            return due.Count;
        }, cancellationToken);
    }

    /// <summary>Hands every due reminder to the outbox, a batch per transaction.</summary>
    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int delivered;
        do
        {
            delivered = await HandleAsync(cancellationToken);
            total += delivered;
        }
        while (delivered == BatchSize);
        return total == 0 ? JobOutcome.Nothing : new JobOutcome($"{total} due reminders handed to the outbox", total);
    }
}
