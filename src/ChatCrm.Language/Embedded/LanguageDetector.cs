namespace ChatCrm.Language.Embedded;

/// <summary>Tells Chinese from English: a message with any CJK ideograph is Chinese.</summary>
public static class LanguageDetector
{
    public const string Chinese = "zh";
    public const string English = "en";

    public static bool HasCjk(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u4E00', '\u9FFF') >= 0 || text.IndexOfAnyInRange('\u3400', '\u4DBF') >= 0;

    public static string Detect(string text) => HasCjk(text) ? Chinese : English;
}
