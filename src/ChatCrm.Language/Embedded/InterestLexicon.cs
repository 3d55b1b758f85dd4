using System.Text.RegularExpressions;
using ChatCrm.Core.FollowUps;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// How interested the customer seemed. The earliest interest phrase wins, and negated phrases are read
/// as a whole, so "不感兴趣" and "not very interested" are low, never high.
/// </summary>
internal static partial class InterestLexicon
{
    /// <summary>The interest said, and whether the words were clear (很感兴趣) rather than vague (还行).</summary>
    public static (Interest Level, bool IsClear)? Find(string text)
    {
        var m = ScriptSplit.Earliest(text, ChinesePhrase(), EnglishPhrase());
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["low"].Success)
        {
            return (Interest.Low, true);
        }

        if (m.Groups["medium"].Success)
        {
            return (Interest.Medium, m.Length > 2);
        }

        return (Interest.High, true);
    }

    // Alternatives at one position are tried in order, so negations (low) are tried before the bare
    // words they contain (感兴趣, interested).
    [GeneratedRegex(
        @"(?<low>不(?:太|是很|怎么|大|再)?感兴趣|没(?:有|啥|什么)?(?:兴趣|需求|意向)|兴趣不大|意向不大|无(?:需求|意向)|" +
        @"暂时?不需要|不需要|意向(?:很|比较)?(?:低|弱|不强)|拒绝了?|暂不考虑|不考虑|没戏)" +
        @"|(?<medium>意向一般|兴趣一般|一般般|一般(?!来说|情况|而言|都|是)|还行|还可以|考虑一下|考虑考虑|再考虑|在考虑|还要考虑|犹豫|观望|" +
        @"有(?:点|些|一点|一定的?)(?:兴趣|意向)|比较感兴趣)" +
        @"|(?<high>(?:很|非常|特别|十分|挺|超|相当|极其|蛮|超级)?感兴趣|(?:很|非常|特别|挺|蛮)?有兴趣|意向(?:很|非常|比较)?(?:强烈?|大|明确|高)|很有意向|" +
        @"兴趣(?:很|非常|特别)?(?:大|浓)|(?:很|非常|挺|特别|十分|比较)满意|想(?:要)?买|急需)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePhrase();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:(?<low>not\s+(?:very\s+|really\s+|that\s+|too\s+|at\s+all\s+)?interested|no\s+(?:interest|need)|" +
        @"uninterested|(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+need|not\s+(?:a\s+)?(?:good\s+)?fit|declined|" +
        @"turned\s+(?:us\s+)?down|not\s+keen)" +
        @"|(?<medium>(?:somewhat|kind\s+of|sort\s+of|a\s+bit|a\s+little|mildly|moderately|fairly)\s+interested|" +
        @"lukewarm|on\s+the\s+fence|considering|thinking\s+(?:about\s+)?it\s+over|thinking\s+about\s+it|think\s+about\s+it|" +
        @"undecided|neutral)" +
        @"|(?<high>(?:very|really|highly|super|extremely|quite|definitely)\s+interested|interested|keen|eager|" +
        @"excited|hot\s+lead|ready\s+to\s+(?:buy|sign)|strong\s+interest|loves?\s+it|loved\s+it))(?![A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPhrase();
}
