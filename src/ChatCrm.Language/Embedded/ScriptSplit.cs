using System.Buffers;
using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Runs a phrase list kept as two regexes, one per script. A single regex mixing Chinese and English
/// alternatives can start a match almost anywhere and is several times slower than the two halves, which
/// each search for their own first characters (and are skipped when the text has none of that script).
/// </summary>
internal static class ScriptSplit
{
    private static readonly SearchValues<char> Latin = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static bool HasLatin(ReadOnlySpan<char> text) => text.IndexOfAny(Latin) >= 0;

    /// <summary>The earliest match of either regex; alternatives inside each keep their order.</summary>
    public static Match Earliest(string text, Regex chinese, Regex english)
    {
        var zh = LanguageDetector.HasCjk(text) ? chinese.Match(text) : Match.Empty;
        var en = HasLatin(text) ? english.Match(text) : Match.Empty;
        if (!zh.Success)
        {
            return en;
        }

        return en.Success && en.Index < zh.Index ? en : zh;
    }

    public static bool IsMatch(string text, Regex chinese, Regex english) =>
        (LanguageDetector.HasCjk(text) && chinese.IsMatch(text)) || (HasLatin(text) && english.IsMatch(text));
}
