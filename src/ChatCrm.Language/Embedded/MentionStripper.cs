using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Removes the bot mentions channels put into a message: Teams wraps them in &lt;at&gt;…&lt;/at&gt;,
/// WeCom starts the text with "@name" and a (often U+2005) space.
/// </summary>
internal static partial class MentionStripper
{
    public static string Strip(string text)
    {
        if (text.Contains('<'))
        {
            text = TeamsMention().Replace(text, " ");
        }

        if (text.Contains("&nbsp;", StringComparison.Ordinal))
        {
            text = text.Replace("&nbsp;", " ", StringComparison.Ordinal);
        }

        return WeComLeadingMention().Replace(text, string.Empty).Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"^(?:[\s\u2005]*@[^\s\u2005@]+(?:[\s\u2005]+|$))+")]
    private static partial Regex WeComLeadingMention();
}
