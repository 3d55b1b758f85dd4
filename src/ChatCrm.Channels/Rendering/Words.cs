using System.Globalization;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;

namespace ChatCrm.Channels.Rendering;

/// <summary>How stages, channels, interest, money and moments read in each language.</summary>
internal static class Words
{
    public static string Stage(LeadStage stage, string language) => stage switch
    {
        LeadStage.New => Say.In(language, "新线索", "new"),
        LeadStage.Contacted => Say.In(language, "已联系", "contacted"),
        LeadStage.Qualified => Say.In(language, "需求确认", "qualified"),
        LeadStage.Proposal => Say.In(language, "方案报价", "proposal"),
        LeadStage.Negotiation => Say.In(language, "商务谈判", "negotiation"),
        LeadStage.Won => Say.In(language, "赢单", "won"),
        LeadStage.Lost => Say.In(language, "输单", "lost"),
        _ => stage.ToString(),
    };

    public static string Channel(ContactChannel channel, string language) => channel switch
    {
        ContactChannel.Call => Say.In(language, "电话", "call"),
        ContactChannel.Visit => Say.In(language, "拜访", "visit"),
        ContactChannel.WeChat => Say.In(language, "微信", "WeChat"),
        ContactChannel.Email => Say.In(language, "邮件", "email"),
        ContactChannel.Meeting => Say.In(language, "会议", "meeting"),
        _ => channel.ToString(),
    };

    public static string Interest(Interest interest, string language) => interest switch
    {
        Core.FollowUps.Interest.High => Say.In(language, "高", "high"),
        Core.FollowUps.Interest.Medium => Say.In(language, "一般", "medium"),
        _ => Say.In(language, "低", "low"),
    };

    public static string Money(decimal amount, string? currency) =>
        (currency ?? "CNY") == "USD"
            ? "$" + amount.ToString("#,0.##", CultureInfo.InvariantCulture)
            : "¥" + amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A moment on the reader's clock; a bare date when it is midnight (a date-only plan).</summary>
    public static string Moment(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return local.TimeOfDay == TimeSpan.Zero
            ? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A chat platform's name as people know it.</summary>
    public static string Platform(string channel) => channel switch
    {
        "teams" => "Teams",
        "wecom" => "企业微信 WeCom",
        _ => channel,
    };
}
