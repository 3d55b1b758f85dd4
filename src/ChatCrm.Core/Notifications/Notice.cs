namespace ChatCrm.Core.Notifications;

/// <summary>
/// Something the bot tells a person on its own (a lead transferred to them, a reminder due).
/// Kept structured, not as text, so each channel renders it in the person's language.
/// </summary>
/// <param name="Kind">e.g. "lead.transferred", "reminder.due".</param>
/// <param name="Args">The values the sentence needs: lead number, names, times.</param>
public sealed record Notice(string Kind, IReadOnlyDictionary<string, string> Args);
