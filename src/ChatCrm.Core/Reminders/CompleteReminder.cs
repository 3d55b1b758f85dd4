using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>What marking a reminder done came to.</summary>
/// <param name="WasDoneAlready">True when it was done before: nothing was changed or audited again.</param>
public sealed record ReminderCompleted(Reminder Reminder, bool WasDoneAlready);

/// <summary>
/// The Done button on a due reminder (or "/reminder done &lt;id&gt;"): its owner closes it, so it
/// never comes again. Pressing Done twice answers "already done" and changes nothing.
/// </summary>
public sealed class CompleteReminder(ICrmStore store, TimeProvider clock)
{
    public Task<Result<ReminderCompleted>> HandleAsync(Actor actor, string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Task.FromResult<Result<ReminderCompleted>>(new MissingValue("reminder"));
        }

        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ReminderCompleted>>(session =>
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

            switch (reminder.State)
            {
                case ReminderState.Done:
                    return Result<ReminderCompleted>.Success(new ReminderCompleted(reminder, WasDoneAlready: true));
                case ReminderState.Cancelled:
                    return new ReminderClosed(ReminderReference.ShortId(reminder.Id), reminder.Text, reminder.State);
            }

            var done = reminder with { State = ReminderState.Done };
            session.Reminders.Update(done);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.CompleteReminder, now, reminder.LeadNumber, null, null, reminder.Id.ToString()));
            return Result<ReminderCompleted>.Success(new ReminderCompleted(done, WasDoneAlready: false));
        }, cancellationToken);
    }
}
