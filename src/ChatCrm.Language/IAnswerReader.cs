namespace ChatCrm.Language;

/// <summary>
/// Reads a bare answer to the bot's question ("明天10点" to "when?", "50万" to "how much?", "bob"
/// to "to whom?") as the value of the slot that was asked for.
/// </summary>
public interface IAnswerReader
{
    /// <summary>
    /// The value in slot form (a date as "2026-11-25" or "2026-11-25T10:00", an amount as a
    /// plain number, a stage by its name), or null when the text is no such value.
    /// </summary>
    string? Read(string slot, string text, DateTimeOffset now);
}
