using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>What snoozing a reminder did: it is pending again, due at its new time.</summary>
/// <param name="Zone">The owner's clock, on which "tomorrow 09:00" was read.</param>
public sealed record ReminderSnoozed(Reminder Reminder, SnoozeLength Length, TimeZoneInfo Zone);

/// <summary>
/// The "1 hour" and "tomorrow" buttons on a due reminder (or "/reminder snooze &lt;id&gt; 1h|tomorrow"):
/// its owner puts it off, and it comes again, once, at the new time (<see cref="DeliverDueReminders"/>).
/// A done or cancelled reminder is not snoozed.
/// </summary>
public sealed class SnoozeReminder(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public Task<Result<ReminderSnoozed>> HandleAsync(Actor actor, string? reference, SnoozeLength? length, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Task.FromResult<Result<ReminderSnoozed>>(new MissingValue("reminder"));
        }

        if (length is not { } snooze)
        {
            return Task.FromResult<Result<ReminderSnoozed>>(new MissingValue("snooze"));
        }

        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ReminderSnoozed>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var found = OwnReminder.Find(session, actor, reference);
            if (found.Value is not { } reminder)
            {
                return found.Error!;
            }

            if (reminder.State is ReminderState.Done or ReminderState.Cancelled)
            {
                return new ReminderClosed(ReminderReference.ShortId(reminder.Id), reminder.Text, reminder.State);
            }

            var zone = PersonalTimeZone.Of(session, actor.User, settings);
            var snoozed = reminder with { State = ReminderState.Pending, DueAt = SnoozeTime.Until(snooze, now, zone) };
            session.Reminders.Update(snoozed);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.SnoozeReminder, now, reminder.LeadNumber, null, null, reminder.Id.ToString()));
            return Result<ReminderSnoozed>.Success(new ReminderSnoozed(snoozed, snooze, zone));
        }, cancellationToken);
    }
}
