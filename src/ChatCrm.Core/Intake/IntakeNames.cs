using System.Text;

namespace ChatCrm.Core.Intake;

/// <summary>
/// Names and companies as intake compares them: full-width forms folded to ASCII (as the chat
/// does), case ignored, spaces and punctuation ignored, and a company's legal form ("有限公司",
/// "Co., Ltd.", "Inc") dropped, so "ＡＣＭＥ有限公司", "Acme Ltd" and "acme" are one company.
/// </summary>
public static class IntakeNames
{
    private static readonly string[] ChineseLegalForms = ["股份有限公司", "有限责任公司", "有限公司", "公司"];

    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "plc", "gmbh",
    };

    /// <summary>Full-width letters, digits and signs as ASCII, runs of spaces as one, trimmed.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The key two people's names are compared by.</summary>
    public static string NameKey(string name) => Squeeze(Fold(name).ToLowerInvariant());

    /// <summary>The key two companies are compared by; empty when no company was given.</summary>
    public static string CompanyKey(string? company)
    {
        if (string.IsNullOrWhiteSpace(company))
        {
            return string.Empty;
        }

        var words = new StringBuilder();
        foreach (var c in Fold(company).ToLowerInvariant())
        {
            words.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        }

        var tokens = words.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // "Co., Ltd." is two words to drop, and a Chinese legal form may be a word of its own or the end of one.
        for (var stripped = true; stripped && tokens.Count > 0;)
        {
            var last = tokens[^1];
            stripped = tokens.Count > 1 && (LegalForms.Contains(last) || ChineseLegalForms.Contains(last));
            if (stripped)
            {
                tokens.RemoveAt(tokens.Count - 1);
            }
            else if (ChineseLegalForms.FirstOrDefault(form => last.Length > form.Length && last.EndsWith(form, StringComparison.Ordinal)) is { } form)
            {
                tokens[^1] = last[..^form.Length];
                stripped = true;
            }
        }

        return string.Concat(tokens);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
