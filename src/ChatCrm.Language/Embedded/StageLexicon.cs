using System.Text.RegularExpressions;
using ChatCrm.Core.Leads;

namespace ChatCrm.Language.Embedded;

/// <summary>Funnel stage words in Chinese and English (谈判, 赢单, closed won, proposal).</summary>
internal static partial class StageLexicon
{
    /// <summary>Every stage word in the text, in order.</summary>
    public static List<(int Start, int End, LeadStage Stage)> FindAll(string text)
    {
        var found = new List<(int, int, LeadStage)>(2);
        for (var m = StageWord().Match(text); m.Success; m = m.NextMatch())
        {
            found.Add((m.Index, m.Index + m.Length, StageOf(m)));
        }

        return found;
    }

    /// <summary>The stage a whole field names ("需求确认", "Proposal"), or null.</summary>
    public static LeadStage? Exact(string field)
    {
        var m = StageWord().Match(field.Trim());
        return m.Success && m.Length == field.Trim().Length ? StageOf(m) : null;
    }

    /// <summary>The stage a change is about: the first stage word after <paramref name="from"/>, else the last one said.</summary>
    public static LeadStage? Target(string text, int from)
    {
        var all = FindAll(text);
        foreach (var (start, _, stage) in all)
        {
            if (start >= from)
            {
                return stage;
            }
        }

        return all.Count > 0 ? all[^1].Stage : null;
    }

    private static LeadStage StageOf(Match m) =>
        m.Groups["won"].Success ? LeadStage.Won
        : m.Groups["lost"].Success ? LeadStage.Lost
        : m.Groups["negotiation"].Success ? LeadStage.Negotiation
        : m.Groups["proposal"].Success ? LeadStage.Proposal
        : m.Groups["qualified"].Success ? LeadStage.Qualified
        : m.Groups["contacted"].Success ? LeadStage.Contacted
        : LeadStage.New;

    [GeneratedRegex(
        @"(?<won>赢单|签约|签单|成交|拿下|已签|谈成|签了合同|合同签了|(?<![A-Za-z])(?:closed[\s-]?won|won|signed|closed)(?![A-Za-z]))" +
        @"|(?<lost>输单|丢单|丢了|黄了|失败|(?<![A-Za-z])(?:closed[\s-]?lost|lost)(?![A-Za-z]))" +
        @"|(?<negotiation>商务谈判|谈判|议价|(?<![A-Za-z])negotiat(?:ion|ing|e)(?![A-Za-z]))" +
        @"|(?<proposal>方案|报价|提案|(?<![A-Za-z])(?:proposal|quot(?:e|ed|ation))(?![A-Za-z]))" +
        @"|(?<qualified>需求确认|确认需求|需求已确认|已确认需求|意向确认|(?<![A-Za-z])qualifi(?:ed|cation)(?![A-Za-z]))" +
        @"|(?<contacted>已联系|初步接触|初次接触|已接触|(?<![A-Za-z])contacted(?![A-Za-z]))" +
        @"|(?<new>新线索|(?<![A-Za-z])new(?![A-Za-z]))",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex StageWord();
}
