using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Reads changes to a deal: its funnel stage and its amount, and which lead they are for.</summary>
internal static partial class DealReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    private const string EnglishStage =
        @"closed[\s-]?won|closed[\s-]?lost|new|contacted|qualified|qualification|proposal|quote|quoted|negotiation|negotiating|won|lost";

    public static SetStageIntent ReadStage(MessageContext message)
    {
        var text = message.Text;
        var change = ChangeVerb().Match(text);
        var stage = StageLexicon.Target(text, change.Success ? change.Index + change.Length : int.MaxValue);
        return new SetStageIntent(LeadOf(message, EnglishStageLead()), stage);
    }

    public static SetAmountIntent ReadAmount(MessageContext message)
    {
        var amount = AmountGrammar.FindDealAmount(message.Text);
        return new SetAmountIntent(
            LeadOf(message, EnglishAmountLead()),
            amount?.Value,
            amount?.Currency ?? AmountGrammar.Yuan);
    }

    /// <summary>
    /// The lead a deal change is about: a lead number or titled name anywhere, else the phrase the
    /// sentence is about ("华为这单…", "move Acme to…", "Acme deal is worth…").
    /// </summary>
    private static string? LeadOf(MessageContext message, Regex englishPattern)
    {
        var text = message.Text;
        if ((LeadMentionExtractor.FindLeadNumber(text) ?? LeadMentionExtractor.FindTitled(text)) is { } named)
        {
            return named;
        }

        var english = englishPattern.Match(text);
        if (english.Success && LeadMentionExtractor.Clean(english.Groups["lead"].Value) is { } lead)
        {
            return lead;
        }

        var subject = char.IsAsciiLetter(text[0]) ? EnglishSubject().Match(text) : ChineseSubject().Match(text);
        return subject.Success ? LeadMentionExtractor.Clean(subject.Groups["subject"].Value) : null;
    }

    [GeneratedRegex(
        @"进入|推进|推到|转入|转到|改为|改成|更新为|更新到|设为|设置为|标记为|标为|调整为|到了|进到|升级到|已到|变成|变为|阶段" +
        @"|(?<![A-Za-z])(?:to|as|into|stage)(?![A-Za-z])", Options)]
    private static partial Regex ChangeVerb();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:move|moved|set|put|mark|marked|change|changed|update|updated|advance|advanced|push|pushed|bump|bumped|" +
        @"switch|switched|progress|progressed)\s+(?<lead>[^,.;!?]{1,60}?)\s+(?:to|as|into|in)\s+(?:the\s+)?(?:stage\s+)?" +
        @"(?:" + EnglishStage + @")(?![A-Za-z])" +
        @"|(?<![A-Za-z])(?:we\s+)?(?:won|lost|closed)\s+(?:the\s+)?(?<lead>[^,.;!?]{1,60}?)(?:\s+(?:deal|account|lead))?\s*(?=$|[,.;!?])" +
        @"|^(?:the\s+)?(?<lead>[^,.;!?]{1,60}?)\s+(?:deal\s+|lead\s+|account\s+|opportunity\s+)?" +
        @"(?:is\s+(?:now\s+)?(?:in\s+)?|has\s+(?:been\s+)?|was\s+|just\s+|got\s+|moved\s+to\s+|went\s+to\s+|entered\s+)?" +
        @"(?:the\s+)?(?:" + EnglishStage + @")(?![A-Za-z])",
        Options)]
    private static partial Regex EnglishStageLead();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:set|update|change|make|put|mark)\s+(?:the\s+)?" +
        @"(?:(?:amount|value|deal\s+size|deal\s+value|size|budget)\s+(?:of|for|on)\s+)?" +
        @"(?<lead>[^,.;!?$]{1,60}?)(?:'s)?\s+(?:(?:deal\s+)?(?:amount|value|size)\s+)?(?:to|at|as|=)\s" +
        @"|^(?:the\s+)?(?<lead>[^,.;!?$]{1,60}?)(?:'s)?\s+(?:(?:deal|lead|account|opportunity|opp|contract|order)\s+)?" +
        @"(?:amount\s+|value\s+|size\s+|budget\s+)?" +
        @"(?:is|was|will\s+be|=|:|worth|valued|at)(?![A-Za-z])",
        Options)]
    private static partial Regex EnglishAmountLead();

    [GeneratedRegex(
        @"^(?:请|麻烦|帮我|帮忙)?\s*(?:把|将|给)?\s*" +
        @"(?!金额|报价|预算|预计|阶段|商机|单子|价值|总额|合同|这|那|该|此|改|修改|更新|调整|设|变更|标记|推进|进入)" +
        @"(?<subject>.+?)\s*(?=这单|这个|那单|那个|这笔|的|已|进入|推进|推到|转入|转到|改|更新|调整|设|标记|阶段|" +
        @"金额|单子|订单|项目|合同|商机|赢|签|成交|输单|丢|黄了|谈判|商务|方案|报价|需求|预计|预算|价值|总额|了|终于|刚|也|就|目前|现在|正在|在|" +
        @"[,.!?;:\s\d]|$)", Options)]
    private static partial Regex ChineseSubject();

    [GeneratedRegex(
        @"^(?!(?:set|update|change|make|put|mark|move|advance|push|bump|please|pls)(?![A-Za-z]))(?:the\s+)?(?<subject>.+?)" +
        @"(?='s(?![A-Za-z])|\s+(?:deal|lead|account|opportunity|opp|project|contract|order|is|was|has|have|are|" +
        @"got|just|now|moved|closed|signed|won|lost|amount|value|stage|should|will|went)(?![A-Za-z])|\s*[:,;]|$)", Options)]
    private static partial Regex EnglishSubject();
}
