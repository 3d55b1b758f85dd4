using System.Text.RegularExpressions;

namespace ChatCrm.Core.Leads;

/// <summary>Lead numbers: L-{local date}-{per-day sequence}, e.g. L-20261118-0007.</summary>
public static partial class LeadNumber
{
    public static string Format(DateOnly localDate, long sequence) => $"L-{localDate:yyyyMMdd}-{sequence:0000}";

    /// <summary>The sequence counter that numbers a day's leads.</summary>
    public static string SequenceFor(DateOnly localDate) => $"lead:{localDate:yyyyMMdd}";

    public static bool IsLeadNumber(string? text) => text is not null && Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^L-\d{8}-\d{4,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
