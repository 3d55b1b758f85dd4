using System.Globalization;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Bulk;

/// <summary>The facts a card shows about many leads: how many, and the first few by number and name.</summary>
internal static class LeadSample
{
    public const int Shown = 5;

    public static Dictionary<string, string> Describe(ICrmSession session, IReadOnlyList<string> numbers)
    {
        var shown = numbers.Take(Shown)
            .Select(number => session.Leads.Find(number) is { } lead ? $"{lead.Number} {lead.Name}" : number);
        return new Dictionary<string, string>
        {
            ["count"] = numbers.Count.ToString(CultureInfo.InvariantCulture),
            ["leads"] = string.Join(';', shown),
        };
    }
}
