using System.Text.RegularExpressions;
using ChatCrm.Core.Personal;

namespace ChatCrm.Language.Embedded;

/// <summary>Finds a phone number in a message and writes it in E.164; numbers without a country code are Chinese.</summary>
internal static partial class PhoneFinder
{
    /// <summary>The first phone number said, with where it was said.</summary>
    public static (int Start, int End, string E164)? Find(string text)
    {
        for (var m = Candidate().Match(text); m.Success; m = m.NextMatch())
        {
            if (!HasPhoneLength(m.ValueSpan) || LooksLikeDate().IsMatch(m.Value))
            {
                continue;
            }

            if (Phone.TryParse(Compact(m.ValueSpan)) is { } phone)
            {
                return (m.Index, m.Index + m.Length, phone.E164);
            }
        }

        return null;
    }

    /// <summary>Every phone number said, in order, with where each was said.</summary>
    public static IEnumerable<(int Start, int End, string E164)> FindAll(string text)
    {
        for (var m = Candidate().Match(text); m.Success; m = m.NextMatch())
        {
            if (HasPhoneLength(m.ValueSpan) && !LooksLikeDate().IsMatch(m.Value) && Phone.TryParse(Compact(m.ValueSpan)) is { } phone)
            {
                yield return (m.Index, m.Index + m.Length, phone.E164);
            }
        }
    }

    /// <summary>Cheap check (no phone metadata) that something shaped like a phone number is in the text.</summary>
    public static bool IsPresent(string text)
    {
        for (var m = Candidate().Match(text); m.Success; m = m.NextMatch())
        {
            if (HasPhoneLength(m.ValueSpan) && !LooksLikeDate().IsMatch(m.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPhoneLength(ReadOnlySpan<char> candidate)
    {
        var digits = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits is >= 7 and <= 15;
    }

    private static string Compact(ReadOnlySpan<char> candidate)
    {
        Span<char> buffer = stackalloc char[candidate.Length];
        var length = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c) || c == '+')
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+\-./])\+?\d[\d \-()]{5,18}\d(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeDate();
}
