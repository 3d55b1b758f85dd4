namespace ChatCrm.Core.Reminders;

/// <summary>
/// How a reminder is named in chat: its short id (the last 8 hex digits of its id, which are random
/// in a version-7 id, unlike the first ones, which are its creation time) or its whole id.
/// </summary>
public static class ReminderReference
{
    public const int ShortIdLength = 8;

    /// <summary>The id as cards and lists show it and typed commands accept it.</summary>
    public static string ShortId(Guid id) => id.ToString("N")[^ShortIdLength..];

    /// <summary>The reminders a typed or pressed reference names (normally one; two only on a short-id clash).</summary>
    public static IReadOnlyList<Reminder> Resolve(Store.ICrmSession session, string? reference)
    {
        var wanted = reference?.Trim().TrimStart('#').ToLowerInvariant();
        if (string.IsNullOrEmpty(wanted))
        {
            return [];
        }

        if (Guid.TryParse(wanted, out var id))
        {
            return session.Reminders.Find(id) is { } found ? [found] : [];
        }

        return wanted.Length == ShortIdLength && wanted.All(char.IsAsciiHexDigitLower)
            ? session.Reminders.FindByShortId(wanted, 2)
            : [];
    }
}
