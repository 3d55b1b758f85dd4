using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Finds who or what a message is about, as said: a lead number (L-20261118-0007), a titled name (王总,
/// 李经理, 刘女士), a plain Chinese name after 给/跟/和/拜访/联系, an English name after called/met/emailed/with/to.
/// "这个客户" and "this lead" are the lead the chat is linked to, so they give null.
/// </summary>
internal static partial class LeadMentionExtractor
{
    private static readonly HashSet<string> NotAName = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "I'm", "I'll", "We", "We're", "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They",
        "Him", "Her", "Them", "Me", "My", "Our", "Their", "His", "Its", "You", "Your", "Please", "Pls", "Then", "And",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Today", "Tomorrow", "Tonight", "Next", "Last", "WeChat", "Email", "E-mail", "Phone", "Zoom", "Teams",
        "CEO", "CTO", "CFO", "COO", "VP", "USD", "CNY", "RMB", "OK", "Hi", "Hello", "Thanks", "Lead", "Leads", "Deal",
        "Customer", "Client", "Follow", "Call", "Called", "Met", "Meeting", "Remind", "Send", "Sent", "Proposal", "Quote",
        "Contract", "Demo", "Budget", "PM", "AM",
    };

    private static readonly HashSet<string> Deictic = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "this", "that", "one", "this one", "that one", "lead", "deal", "customer", "client", "account",
        "opportunity", "him", "her", "them", "he", "she", "they", "me", "mine", "us", "chat", "conversation",
        "amount", "value", "budget", "size", "deal size", "deal value", "stage", "price",
        "这个", "那个", "这", "那", "该", "此", "他", "她", "它", "他们", "对方", "这位", "那位", "这家", "那家", "客户",
        "线索", "商机", "单子", "这单", "那单", "此单", "订单", "项目", "公司", "金额", "阶段", "聊天", "群", "会话", "我", "你",
    };

    /// <summary>The lead a follow-up or reminder is about, by the strongest evidence said.</summary>
    public static string? FindPerson(string text) =>
        FindLeadNumber(text) ?? FindTitled(text) ?? FindEnglishName(text) ?? FindChineseName(text) ?? FindVisited(text)
        ?? FindContacted(text)
        ?? FindEnglishSubject(text) ?? FindEnglishCompany(text);

    public static string? FindLeadNumber(string text)
    {
        var m = LeadNumber().Match(text);
        return m.Success ? m.Value.ToUpperInvariant() : null;
    }

    /// <summary>A name with a title (王总, 李经理), else a familiar name (老王, 小李).</summary>
    public static string? FindTitled(string text)
    {
        var m = TitledName().Match(text);
        if (!m.Success)
        {
            m = FamiliarName().Match(text);
        }

        return m.Success ? m.Value : null;
    }

    public static string? FindEnglishName(string text)
    {
        for (var m = EnglishNameAfterCue().Match(text); m.Success; m = m.NextMatch())
        {
            if (TrimEnglishName(m.Groups["name"].Value) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    public static string? FindChineseName(string text)
    {
        var m = ChineseNameAfterCue().Match(text);
        return m.Success ? m.Groups["name"].Value : null;
    }

    /// <summary>A person named anywhere in a phrase, else the phrase itself cleaned of deictic words.</summary>
    public static string? FromPhrase(string phrase) =>
        FindLeadNumber(phrase) ?? FindTitled(phrase) ?? Clean(phrase);

    /// <summary>
    /// Trims what was said around a lead ("the Acme lead", "华为这个客户", "Initech's") down to the lead,
    /// or null when it only points at the linked lead ("this lead", "这个客户").
    /// </summary>
    public static string? Clean(string? phrase)
    {
        if (phrase is null)
        {
            return null;
        }

        var cleaned = LeadingFiller().Replace(phrase.Trim(), string.Empty);
        cleaned = TrailingNoun().Replace(cleaned, string.Empty).Trim(TrimChars);
        cleaned = LeadingFiller().Replace(cleaned, string.Empty).Trim(TrimChars);
        if (cleaned.Length == 0 || Deictic.Contains(cleaned) || cleaned.Length > 40)
        {
            return null;
        }

        return cleaned;
    }

    private static readonly char[] TrimChars = " ,.!?;:\"'()[]{}<>~-—".ToCharArray();

    /// <summary>A name the sentence starts with: "David is keen", "Sarah from Globex said…".</summary>
    private static string? FindEnglishSubject(string text)
    {
        var m = EnglishSubjectName().Match(text);
        return m.Success ? TrimEnglishName(m.Groups["name"].Value) : null;
    }

    private static string? FindEnglishCompany(string text)
    {
        var m = EnglishCompanyAfterCue().Match(text);
        return m.Success ? TrimEnglishName(m.Groups["name"].Value) : null;
    }

    /// <summary>Whoever was reached, named by what follows 给/跟/和: "给字节打了电话" is about 字节.</summary>
    private static string? FindContacted(string text)
    {
        var m = ChinesePartyBeforeContact().Match(text);
        return m.Success ? Clean(m.Groups["party"].Value) : null;
    }

    private static string? FindVisited(string text)
    {
        var m = ChinesePlaceAfterVisit().Match(text);
        return m.Success ? Clean(m.Groups["place"].Value) : null;
    }

    private static string? TrimEnglishName(string raw)
    {
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = 0;
        while (count < words.Length && !NotAName.Contains(StripPossessive(words[count])))
        {
            count++;
            if (words[count - 1].EndsWith("'s", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var name = string.Join(' ', words, 0, count);
        return StripPossessive(name);
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'');

    [GeneratedRegex(@"(?<![A-Za-z0-9])L-\d{8}-\d{3,5}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadNumber();

    [GeneratedRegex(
        ChineseNames.Surname + "(?:" + ChineseNames.ShortTitle + ")" +
        "|" + ChineseNames.Surname + ChineseNames.GivenChar + "{0,2}?(?:" + ChineseNames.LongTitle + ")",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();

    [GeneratedRegex("[老小]" + ChineseNames.Surname + @"(?=[了说打发在和跟聊那这很也都已,.!?;:\s]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FamiliarName();

    [GeneratedRegex(
        @"(?:给|跟|和|与|同|找|拜访了?|走访了?|联系了?|见了?|约了?|致电|回访了?|问了?|通知|转给|交给|关联到?|认领|把)\s*" +
        "(?<name>" + ChineseNames.Surname + ChineseNames.GivenChar + "{1,2})",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseNameAfterCue();

    [GeneratedRegex(
        @"(?:给|跟|和|与|同)\s*(?<party>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)\s*(?=打|发|聊|开|通|见|约|微信|视频|电话|沟通|谈|吃)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePartyBeforeContact();

    [GeneratedRegex(
        @"(?:拜访了?|走访了?|去了)\s*(?<place>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?=[的,.!?;:\s]|聊|谈|开|沟通|了|看|参观|$)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChinesePlaceAfterVisit();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:called|call|calling|phoned|phone\s+call\s+with|rang|met(?:\s+up)?(?:\s+with)?|meeting\s+with|" +
        @"meet(?:\s+with)?|emailed|e-?mail(?:ed)?(?:\s+to)?|mailed|messaged|texted|pinged|ping|wechat(?:ed)?(?:\s+with)?|" +
        @"chat(?:ted)?\s+with|visited|visit|saw|spoke\s+(?:to|with)|talked\s+(?:to|with)|caught\s+up\s+with|" +
        @"followed\s+up\s+with|follow\s+up\s+with|reached\s+out\s+to|contacted|contact|demoed|sent|gave|showed|" +
        @"left\s+(?:a\s+)?(?:voicemail|message)\s+for|with|to|for|" +
        @"(?:follow[- ]?up|update|note|fyi)\s*:)\s+" +
        @"(?-i:(?<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,2}))",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishNameAfterCue();

    [GeneratedRegex(
        @"^(?-i:(?<name>[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?))\s+(?:from|at|of|is|was|said|says|wants|asked|agreed|replied|" +
        @"loved|likes|seems|sounds|needs|thinks|confirmed|signed)(?![A-Za-z])",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishSubjectName();

    [GeneratedRegex(@"(?<![A-Za-z])(?:at|from|of)\s+(?-i:(?<name>[A-Z][A-Za-z'&\-]*(?:\s+[A-Z][A-Za-z'&\-]*){0,2}))",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCompanyAfterCue();

    [GeneratedRegex(
        @"^(?:(?:the|a|an|our|my|their|please|pls)\s+|(?:stage|amount|value|deal\s+size|deal\s+value|size)\s+(?:of|for|on)\s+|请|麻烦|帮我|把|将|给|一下)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(
        @"(?:'s|\s+(?:lead|deal|account|customer|client|opportunity|opp|project|contract|order)s?|" +
        @"(?:这个|那个|这家|那家|这位|那位|这|那|的)?(?:客户|线索|商机|单子|项目|订单|这单|那单|合同)|这个|那个|这单|那单|这边|那边)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNoun();
}
