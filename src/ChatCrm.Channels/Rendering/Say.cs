using System.Globalization;

namespace ChatCrm.Channels.Rendering;

/// <summary>Picks the sentence for the reader's language; both languages stand side by side in the code.</summary>
internal static class Say
{
    public static string In(string language, string zh, string en) => language == "zh" ? zh : en;

    public static string In(string language, string zh, string en, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, In(language, zh, en), args);
}
