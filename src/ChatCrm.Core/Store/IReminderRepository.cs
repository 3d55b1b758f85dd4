using ChatCrm.Core.Reminders;

namespace ChatCrm.Core.Store;

public interface IReminderRepository
{
    Reminder? Find(Guid id);

    /// <summary>Pending reminders due at or before <paramref name="moment"/>, earliest first.</summary>
    IReadOnlyList<Reminder> DueBy(DateTimeOffset moment, int limit);

    /// <summary>A person's pending reminders, earliest first.</summary>
    IReadOnlyList<Reminder> PendingFor(string ownerKey, int limit);

    /// <summary>Reminders in any state whose id ends in <paramref name="shortId"/> (<see cref="ReminderReference.ShortId"/>).</summary>
    IReadOnlyList<Reminder> FindByShortId(string shortId, int limit);

    void Insert(Reminder reminder);

    void Update(Reminder reminder);
}
