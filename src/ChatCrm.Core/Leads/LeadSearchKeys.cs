using System.Text;

namespace ChatCrm.Core.Leads;

/// <summary>
/// The words a person may use for a lead in chat ("王总", "李经理", "Sarah", "Acme"), normalised
/// so the store can find a lead by exact key through an index instead of scanning names.
/// </summary>
public static class LeadSearchKeys
{
    // How Chinese salespeople address a contact: surname + title.
    private static readonly string[] ChineseTitles = ["总", "经理", "总监", "女士", "先生", "老师", "老板", "主任", "工", "姐", "哥"];

    private static readonly string[] CompanySuffixes =
    [
        " corporation", " corp.", " corp", " inc.", " inc", " ltd.", " ltd", " llc", " co.", " gmbh", " group",
        "有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "科技", "技术", "网络", "信息",
    ];

    /// <summary>All keys under which a lead with this name and company can be found.</summary>
    public static IReadOnlyList<string> For(string name, string? company)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddName(keys, name);
        if (!string.IsNullOrWhiteSpace(company))
        {
            // "华为技术有限公司" is also found as "华为技术" and "华为".
            var shorter = Normalize(company);
            keys.Add(shorter);
            for (var next = StripCompanySuffix(shorter); next != shorter; next = StripCompanySuffix(shorter))
            {
                shorter = next;
                keys.Add(shorter);
            }
        }

        keys.Remove(string.Empty);
        return [.. keys];
    }

    /// <summary>The key to look up for what a person typed: trimmed, folded, company suffix removed.</summary>
    public static string ForMention(string mention) => Normalize(mention);

    /// <summary>The mention with a company suffix removed ("Acme Corp" → "acme"), to try second.</summary>
    public static string ForCompanyMention(string mention) => StripCompanySuffix(Normalize(mention));

    private static void AddName(HashSet<string> keys, string name)
    {
        var normalized = Normalize(name);
        keys.Add(normalized);
        if (IsChinese(normalized))
        {
            // A name recorded with its title ("王总") is found only as itself; a full name ("王建国")
            // is found by surname + any usual title as well.
            if (ChineseTitles.Any(title => normalized.Length > title.Length && normalized.EndsWith(title, StringComparison.Ordinal)))
            {
                return;
            }

            foreach (var title in ChineseTitles)
            {
                keys.Add(normalized[..1] + title);
            }

            return;
        }

        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            keys.Add(word);
        }
    }

    private static string StripCompanySuffix(string company)
    {
        foreach (var suffix in CompanySuffixes)
        {
            if (company.Length > suffix.Length && company.EndsWith(suffix, StringComparison.Ordinal))
            {
                return company[..^suffix.Length].Trim();
            }
        }

        return company;
    }

    private static bool IsChinese(string text) => text.Length is >= 2 and <= 4 && text.All(c => c is >= '\u4e00' and <= '\u9fff');

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
