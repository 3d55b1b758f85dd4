using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>Reads the acts on one lead: link this chat to it, claim it, return it to the pool, transfer it.</summary>
internal static partial class LeadActionReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    public static LinkChatIntent ReadLink(MessageContext message)
    {
        var text = message.Text;
        var m = LinkTarget().Match(text);
        var lead = m.Success ? LeadMentionExtractor.FromPhrase(m.Groups["lead"].Value) : null;
        return new LinkChatIntent(lead ?? LeadMentionExtractor.FindLeadNumber(text) ?? LeadMentionExtractor.FindTitled(text));
    }

    public static ClaimLeadIntent ReadClaim(MessageContext message)
    {
        var text = message.Text;
        var lead = LeadMentionExtractor.FindLeadNumber(text) ?? LeadMentionExtractor.FindTitled(text);
        if (lead is null)
        {
            var m = ClaimTarget().Match(text);
            lead = m.Success ? LeadMentionExtractor.Clean(m.Groups["lead"].Value) : null;
        }

        return new ClaimLeadIntent(lead);
    }

    public static ReturnLeadIntent ReadReturn(MessageContext message)
    {
        var text = message.Text;
        var lead = LeadMentionExtractor.FindLeadNumber(text) ?? LeadMentionExtractor.FindTitled(text);
        if (lead is null)
        {
            var m = ReturnTarget().Match(text);
            lead = m.Success ? LeadMentionExtractor.Clean(m.Groups["lead"].Value) : null;
        }

        return new ReturnLeadIntent(lead, ReasonOf(text));
    }

    /// <summary>A transfer to oneself ("assign Acme to me", "转给我") is a claim.</summary>
    public static Intent ReadTransfer(MessageContext message)
    {
        var text = message.Text;
        var m = message.IsChinese ? ChineseTransfer().Match(text) : EnglishTransfer().Match(text);
        if (!m.Success)
        {
            m = message.IsChinese ? EnglishTransfer().Match(text) : ChineseTransfer().Match(text);
        }

        var lead = m.Success && m.Groups["lead"].Success ? LeadMentionExtractor.FromPhrase(m.Groups["lead"].Value) : null;
        lead ??= LeadMentionExtractor.FindLeadNumber(text);
        var toUser = m.Success ? m.Groups["to"].Value.Trim() : null;
        if (toUser is "我" or "我自己" || toUser is not null && IsMe().IsMatch(toUser))
        {
            return new ClaimLeadIntent(lead);
        }

        return new TransferLeadIntent(lead, string.IsNullOrEmpty(toUser) ? null : toUser);
    }

    private static string? ReasonOf(string text)
    {
        var said = ExplicitReason().Match(text);
        if (said.Success)
        {
            return said.Groups["reason"].Value.Trim();
        }

        foreach (var clause in ClauseSeparator().Split(text))
        {
            var trimmed = clause.Trim().TrimEnd('吧', '啊');
            if (trimmed.Length > 0 && !IntentCues.Return().IsMatch(trimmed) && !IntentCues.ReturnWeak().IsMatch(trimmed)
                && !IntentCues.Claim().IsMatch(trimmed))
            {
                return trimmed;
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"(?:关联|绑定|链接|挂|对应)(?:到|上|给|至)?\s*(?:一下)?\s*(?:客户|线索|商机)?\s*:?\s*(?<lead>[^,.!?;]+)" +
        @"|(?<![A-Za-z])(?:link(?:ed)?|bind|associate|connect|attach|tie)\s+(?:(?:this|the)\s+(?:chat|conversation|group|thread|room)\s+|it\s+|us\s+)?" +
        @"(?:(?:to|with)\s+)?(?:the\s+)?(?:lead|customer|client|account)?\s*:?\s*(?<lead>[^,.;!?]+)", Options)]
    private static partial Regex LinkTarget();

    [GeneratedRegex(
        @"认领\s*(?:线索|客户|商机)?\s*:?\s*(?<lead>[^,.!?;:\s]{1,20})" +
        @"|^(?<lead>[^,.!?;:]{1,20}?)\s*(?:我来跟|我来负责|我来处理|我来接|归我|我要了|这个我来)" +
        @"|(?<![A-Za-z])(?:claim(?:ed|ing)?|i'?ll\s+take|take)\s+(?<lead>[^,.;!?]{1,60}?)\s*(?=$|[,.;!?]|\s(?:for|please|now|today)(?![A-Za-z]))",
        Options)]
    private static partial Regex ClaimTarget();

    [GeneratedRegex(
        @"^(?:请|麻烦)?(?:把|将)?\s*(?<lead>[^,.!?;:\s]{1,20}?)\s*(?:退回|退还|放回|还回|扔回|丢回|释放|放弃|不跟了|不跟进了|跟不了|不要了)" +
        @"|(?<![A-Za-z])(?:return|release|drop|give\s+up\s+on|unclaim|put)\s+(?<lead>[^,.;!?]{1,60}?)" +
        @"(?=\s(?:back|to|into|because|since|as|due)(?![A-Za-z])|\s*$|\s*[,.;!?])", Options)]
    private static partial Regex ReturnTarget();

    [GeneratedRegex(
        @"(?:(?:把|将)\s*(?<lead>[^,.!?;:\s]{1,20}?)|^(?<lead>[^,.!?;:\s]{1,20}?))?\s*" +
        @"(?:转给|转交给?|移交给?|交给|分配给|转派给?|改派给?|转到|让给|划给)\s*(?<to>[^,.!?;:\s]{1,10}?)" +
        @"(?=跟进|负责|处理|来跟|去跟|接手|跟|吧|了|啊|呢|$|[,.!?;:\s])", Options)]
    private static partial Regex ChineseTransfer();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:(?:transfer(?:red)?|reassign(?:ed)?)\s+(?:it\s+|this\s+)?to\s+(?<to>[^,.;!?]{1,40}?)" +
        @"|(?:transfer(?:red)?|hand(?:ed)?(?:\s+over)?|reassign(?:ed)?|assign(?:ed)?|give|pass|move)\s+(?<lead>[^,.;!?]{1,60}?)\s+(?:over\s+|on\s+)?to\s+(?<to>[^,.;!?]{1,40}?))" +
        @"\s*(?=$|[,.;!?]|\s(?:for|please|so|because|since|as|from|now|today|tomorrow)(?![A-Za-z]))", Options)]
    private static partial Regex EnglishTransfer();

    [GeneratedRegex(@"^(?:me|myself)$", Options)]
    private static partial Regex IsMe();

    [GeneratedRegex(
        @"(?:因为|原因是?|理由是?|由于|(?<![A-Za-z])(?:because(?:\s+of)?|since|reason\s*(?:is|:)|due\s+to)(?![A-Za-z]))\s*:?\s*(?<reason>[^.!?;]+)",
        Options)]
    private static partial Regex ExplicitReason();

    [GeneratedRegex(@"[,.!?;:]+")]
    private static partial Regex ClauseSeparator();
}
