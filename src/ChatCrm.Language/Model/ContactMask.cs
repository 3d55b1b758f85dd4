using System.Text;
using System.Text.RegularExpressions;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Model;

/// <summary>
/// A message with its phone numbers and email addresses replaced by placeholders ("[phone 1]",
/// "[email 1]") before it leaves the process for a language model, and the originals kept here so
/// the model's answer can be read back with the real values.
/// </summary>
public sealed partial class ContactMask
{
    private readonly IReadOnlyDictionary<string, string> originals;

    private ContactMask(string text, IReadOnlyDictionary<string, string> originals)
    {
        Text = text;
        this.originals = originals;
    }

    /// <summary>The message as the model may see it.</summary>
    public string Text { get; }

    /// <summary>How many values were masked.</summary>
    public int Count => originals.Count;

    /// <summary>The message unchanged (ChatCrm:Language:OpenAI:SendContactDetails=true).</summary>
    public static ContactMask None(string text) => new(text, new Dictionary<string, string>());

    public static ContactMask Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Start, int End, string Kind)>();
        foreach (Match email in Email().Matches(text))
        {
            found.Add((email.Index, email.Index + email.Length, "email"));
        }

        foreach (var phone in PhoneFinder.FindAll(text))
        {
            if (!found.Any(span => phone.Start < span.End && span.Start < phone.End))
            {
                found.Add((phone.Start, phone.End, "phone"));
            }
        }

        if (found.Count == 0)
        {
            return None(text);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var masked = new StringBuilder(text.Length);
        var originals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var at = 0;
        foreach (var (start, end, kind) in found)
        {
            var number = counts[kind] = counts.GetValueOrDefault(kind) + 1;
            var placeholder = $"[{kind} {number}]";
            originals[placeholder] = text[start..end];
            masked.Append(text, at, start - at).Append(placeholder);
            at = end;
        }

        masked.Append(text, at, text.Length - at);
        return new ContactMask(masked.ToString(), originals);
    }

    /// <summary>A value the model wrote, with every placeholder put back to what the person typed.</summary>
    public string? Restore(string? value)
    {
        if (value is null || originals.Count == 0 || !value.Contains('[', StringComparison.Ordinal))
        {
            return value;
        }

        return Placeholder().Replace(value, match => originals.TryGetValue(match.Value, out var original) ? original : match.Value);
    }

    // Deliberately loose: anything shaped like an address is masked, since masking too much costs nothing.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\[(?:phone|email) \d+\]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
