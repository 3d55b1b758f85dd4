using ChatCrm.Core.Conversations;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>What setting a reminder did.</summary>
public sealed record ReminderSet(Guid AuditId, Reminder Reminder);

/// <summary>
/// "Remind me tomorrow at 10 to call 王总". The lead is attached when one is named and found, or
/// the chat is linked; a reminder never fails because its lead is unknown.
/// </summary>
public sealed class SetReminder(ICrmStore store, TimeProvider clock)
{
    public Task<Result<ReminderSet>> HandleAsync(Actor actor, DateTimeOffset? dueAt, string? text, string? leadMention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (dueAt is not { } due)
        {
            return Task.FromResult<Result<ReminderSet>>(new MissingValue("at"));
        }

        if (due <= now)
        {
            return Task.FromResult<Result<ReminderSet>>(new InvalidValue("at", due.ToString("yyyy-MM-dd HH:mm")));
        }

        return store.WriteAsync<Result<ReminderSet>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var lead = LeadResolver.Resolve(session, actor, leadMention).Value;
            var reminder = new Reminder(
                Guid.CreateVersion7(now), actor.Key, due, string.IsNullOrWhiteSpace(text) ? "⏰" : text.Trim(),
                lead?.Number, ReminderState.Pending, now);
            session.Reminders.Insert(reminder);
            var entry = AuditTrail.Entry(actor, AuditActions.SetReminder, now, lead?.Number, null, null, reminder.Id.ToString());
            session.Audit.Append(entry);
            return Result<ReminderSet>.Success(new ReminderSet(entry.Id, reminder));
        }, cancellationToken);
    }
}
