using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Reads a question about where a lead stands: a lead mention with a "how is it going / sum it up"
/// cue. The cue alone is strong only as a question about someone ("那边", "这单", "的情况") or an
/// explicit ask ("总结", "summarise", "catch me up on"), so "今天天气怎么样" and "进展顺利" are not it.
/// </summary>
internal static partial class SummaryReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    public static bool IsAsked(string text) => Chinese().IsMatch(text) || English().IsMatch(text);

    public static SummarizeLeadIntent Read(MessageContext message)
    {
        var text = message.Text;
        var lead = LeadMentionExtractor.FindLeadNumber(text) ?? LeadMentionExtractor.FindTitled(text);
        if (lead is null)
        {
            var m = Target().Match(text);
            lead = m.Success ? LeadMentionExtractor.Clean(m.Groups["lead"].Value) : null;
        }

        return new SummarizeLeadIntent(lead is { Length: > 0 } ? lead : null);
    }

    [GeneratedRegex(
        @"(?:总结|概括|汇总)一下|(?:说说|讲讲|介绍一下).{1,16}?的?(?:情况|进展|近况)|" +
        @"(?:那边|这边|这单|这个客户|这个单子|的情况|情况|进展|近况)(?:最近|现在|目前)?(?:怎么样|如何|咋样)了?|" +
        @"L-\d{8}-\d{4}\s*(?:怎么样|如何|咋样)了?",
        Options)]
    private static partial Regex Chinese();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:summari[sz]e|sum\s+up|catch\s+me\s+up\s+on|what'?s\s+the\s+latest\s+(?:on|with)|any\s+news\s+(?:on|from|about)|" +
        @"how(?:'s|\s+is|\s+are)\s+(?:things\s+with\s+)?[A-Za-z\u4e00-\u9fa5][\w\u4e00-\u9fa5 .'-]{0,30}?\s+(?:going|doing|coming\s+along))(?![A-Za-z])",
        Options)]
    private static partial Regex English();

    // The words around the lead: "总结一下<王总>", "<王总>那边最近怎么样", "summarise <Acme>", "how is <Acme> going".
    [GeneratedRegex(
        @"(?:(?:总结|概括|汇总)一下|说说|讲讲|介绍一下)\s*(?<lead>[^,,。??!!\s]{1,16}?)(?:的(?:情况|进展|近况)|$|[,,。??!!])|" +
        @"^(?<lead>[^,,。??!!\s]{1,16}?)\s*(?:那边|这边|这单|的情况|情况|进展|近况)|" +
        @"(?<![A-Za-z])(?:summari[sz]e|sum\s+up|catch\s+me\s+up\s+on|what'?s\s+the\s+latest\s+(?:on|with)|any\s+news\s+(?:on|from|about))\s+(?:the\s+)?(?<lead>[^,.?!]{1,40}?)\s*(?:deal|account|lead)?\s*[.?!]*$|" +
        @"how(?:'s|\s+is|\s+are)\s+(?:things\s+with\s+)?(?:the\s+)?(?<lead>[^,.?!]{1,30}?)\s+(?:deal\s+|account\s+)?(?:going|doing|coming\s+along)",
        Options)]
    private static partial Regex Target();
}
