using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reminders;

/// <summary>Finds the reminder a person names, refusing one that is not theirs.</summary>
internal static class OwnReminder
{
    public static Result<Reminder> Find(ICrmSession session, Actor actor, string? reference)
    {
        var found = ReminderReference.Resolve(session, reference);
        // On the rare clash of two short ids, the person's own reminder is the one they mean.
        var own = found.Where(reminder => reminder.OwnerKey == actor.Key).ToList();
        return own.Count == 1 ? Result<Reminder>.Success(own[0])
            : own.Count == 0 && found.Count > 0 ? new NotYourReminder(ReminderReference.ShortId(found[0].Id))
            : new ReminderNotFound(reference);
    }
}
