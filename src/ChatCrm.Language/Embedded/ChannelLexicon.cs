using System.Text.RegularExpressions;
using ChatCrm.Core.FollowUps;

namespace ChatCrm.Language.Embedded;

/// <summary>How a salesperson reached the customer: the first channel word said wins (打了电话, met, 微信, emailed).</summary>
internal static partial class ChannelLexicon
{
    public static ContactChannel? Find(string text)
    {
        var m = ScriptSplit.Earliest(text, ChineseWord(), EnglishWord());
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["meeting"].Success)
        {
            return ContactChannel.Meeting;
        }

        if (m.Groups["wechat"].Success)
        {
            return ContactChannel.WeChat;
        }

        if (m.Groups["email"].Success)
        {
            return ContactChannel.Email;
        }

        return m.Groups["visit"].Success ? ContactChannel.Visit : ContactChannel.Call;
    }

    // Meeting words come first so "video call" and "视频会议" are meetings, not calls.
    [GeneratedRegex(
        @"(?<meeting>会议|开会|开了个?会|开完会|见面|见了面|面谈|面聊|碰面|碰了个?面|会面|约见|视频会|线上会|电话会议|" +
        @"吃了?(?:个|顿)?饭|饭局|喝了?(?:个|杯)?(?:咖啡|茶))" +
        @"|(?<wechat>微信|企微)" +
        @"|(?<email>邮件|邮箱|电邮|发邮)" +
        @"|(?<visit>拜访|上门|登门|走访|实地|去了?[^,.!?;]{0,8}?(?:公司|办公室|工厂|门店|总部))" +
        @"|(?<call>打了?(?:个|一个|一通)?电话|电话|致电|通话|打给|回电|来电)",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseWord();

    [GeneratedRegex(
        @"(?<![A-Za-z])(?:(?<meeting>met|meet|meeting|meetings|video\s+call|zoom\s+call|zoom|teams\s+call|conference|" +
        @"(?:lunch|dinner|coffee|breakfast)\s+with)" +
        @"|(?<wechat>we-?chat(?:ed)?|weixin)" +
        @"|(?<email>e-?mail(?:ed|ing|s)?|mailed)" +
        @"|(?<visit>visit(?:ed|ing)?|on-?site|dropped\s+by|stopped\s+by|went\s+to)" +
        @"|(?<call>call(?:ed|ing)?|phoned?|rang|voicemail|left\s+(?:a\s+)?message))(?![A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();
}
