using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Reads a reminder: when, what to do (the message without the "remind me" and the time), and whom it is about.</summary>
internal static partial class ReminderReader
{
    public static SetReminderIntent Read(MessageContext message)
    {
        var moments = message.Moments;
        var at = DateTimeGrammar.FindFirst(moments, message.Now);
        var task = TaskOf(message.Text, moments);
        return new SetReminderIntent(at?.Moment, task, task is null ? null : LeadMentionExtractor.FindPerson(task));
    }

    /// <summary>The reminder's text for "/remind &lt;when&gt; &lt;text&gt;": the words that are not the time.</summary>
    public static SetReminderIntent ReadCommand(string arguments, DateTimeOffset now)
    {
        var text = TextNormalizer.Normalize(arguments);
        var moments = DateTimeGrammar.FindAll(text, now);
        var at = DateTimeGrammar.FindFirst(moments, now);
        var task = TaskOf(text, moments);
        return new SetReminderIntent(at?.Moment, task, task is null ? null : LeadMentionExtractor.FindPerson(task));
    }

    private static string? TaskOf(string text, List<TemporalMention> moments)
    {
        var rest = new StringBuilder(text.Length);
        var from = 0;
        foreach (var moment in moments)
        {
            rest.Append(text, from, moment.Start - from).Append(' ');
            from = moment.End;
        }

        rest.Append(text, from, text.Length - from);
        var task = ReminderWords().Replace(rest.ToString(), " ");
        task = Spaces().Replace(task, " ").Trim(TaskTrim);
        task = LeadingConnector().Replace(task, string.Empty).Trim(TaskTrim);
        return task.Length == 0 ? null : task;
    }

    private static readonly char[] TaskTrim = [' ', ',', '.', ':', ';', '!', '?', '-'];

    [GeneratedRegex(
        @"(?:请|记得|别忘了)?(?:提醒我?一下|提醒下|提醒我|提个醒|叫我|设(?:个|置)?(?:一个)?提醒|加(?:个|一个)?提醒|定(?:个|一个)?提醒|提醒)|" +
        @"(?<![A-Za-z])(?:remind\s+me|set\s+(?:a\s+|an\s+)?reminder|reminder|alert\s+me|ping\s+me|nudge\s+me|don'?t\s+let\s+me\s+forget)(?![A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReminderWords();

    [GeneratedRegex(@"^(?:(?:to|about|that|for|of)(?![A-Za-z])|要|去)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingConnector();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
