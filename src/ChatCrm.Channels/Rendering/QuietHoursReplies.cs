using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Preferences;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>What a person reads back from /quiet: their quiet hours, on their own clock, and what they mean.</summary>
public sealed class QuietHoursReplies
{
    public ChatReply Show(QuietHoursView view, string language) => Reply(view, language, view.Hours.IsOff
        ? Say.In(language, "你关闭了免打扰,所有通知都会立即发给你。", "Your quiet hours are off: every notice reaches you at once.")
        : Say.In(language, "你的免打扰时间是 {0}–{1}({2}){3}。", "Your quiet hours are {0}–{1} ({2}){3}.",
            Time(view.Hours.Start), Time(view.Hours.End), view.Zone.Id, view.IsDefault ? Say.In(language, ",默认设置", ", the default") : string.Empty)
            + Meaning(language));

    public ChatReply Set(QuietHoursView view, string language) => Reply(view, language, view.Hours.IsOff
        ? Say.In(language, "好的,已关闭免打扰,所有通知都会立即发给你。", "OK, quiet hours are off: every notice reaches you at once.")
        : Say.In(language, "好的,免打扰时间已设为 {0}–{1}({2})。", "OK, your quiet hours are now {0}–{1} ({2}).", Time(view.Hours.Start), Time(view.Hours.End), view.Zone.Id)
            + Meaning(language));

    /// <summary>Why /quiet could not be set; other refusals as everywhere else.</summary>
    public static ChatReply Refused(CrmError error, Intent intent, string language) => error switch
    {
        InvalidValue or MissingValue when intent is SetQuietHoursIntent set => ChatReply.Plain(Say.In(language,
            "看不懂「{0}」。用法:/quiet 22:00-07:30(可以跨午夜)· /quiet off 关闭 · /quiet 查看。开始和结束相同等于关闭。",
            "I can't read \"{0}\" as quiet hours. Usage: /quiet 22:00-07:30 (may span midnight) · /quiet off · /quiet to see them. The same start and end means off.",
            set.Given ?? string.Empty)),
        _ => ErrorReplies.For(error, intent, language),
    };

    private static string Meaning(string language) => Say.In(language,
        "这段时间里不急的通知会留到结束时再发;到点的提醒和系统告警照常立即发送。",
        " Notices that can wait are held until they end; due reminders and system alerts still come at once.");

    private static ChatReply Reply(QuietHoursView view, string language, string text)
    {
        var facts = new List<ReplyFact>();
        if (view.QuietUntil is { } until)
        {
            facts.Add(ReplyWriter.Fact(language, "免打扰至", "Quiet until", Words.Moment(until, view.Zone)));
        }

        facts.Add(ReplyWriter.Fact(language, "修改", "Change", "/quiet 22:00-07:30 · /quiet off"));
        return new ChatReply(text, facts, []);
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
