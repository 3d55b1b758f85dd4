using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Reminders;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// What the bot says about reminders: the three buttons every reminder card carries (Done, in an
/// hour, tomorrow at 09:00), the answers to pressing them, the /reminders list, and why a reminder
/// could not be closed or snoozed.
/// </summary>
public sealed class ReminderReplies
{
    /// <summary>Done, snooze an hour, snooze to tomorrow 09:00: short titles, since WeCom cuts a button's at 10 characters.</summary>
    public static IReadOnlyList<ReplyAction> Buttons(Guid reminderId, string language)
    {
        var id = reminderId.ToString();
        return
        [
            ReplyWriter.Button(Say.In(language, "完成", "Done"), new CompleteReminderIntent(id), language),
            ReplyWriter.Button(Say.In(language, "1小时后", "In 1 hour"), new SnoozeReminderIntent(id, SnoozeLength.OneHour), language),
            ReplyWriter.Button(Say.In(language, "明天9点", "Tomorrow"), new SnoozeReminderIntent(id, SnoozeLength.Tomorrow), language),
        ];
    }

    public ChatReply Completed(ReminderCompleted completed, string language) => ChatReply.Plain(completed.WasDoneAlready
        ? Say.In(language, "这条提醒已经完成了:{0}", "That reminder is already done: {0}", completed.Reminder.Text)
        : Say.In(language, "✅ 已完成:{0}", "✅ Done: {0}", completed.Reminder.Text));

    public ChatReply Snoozed(ReminderSnoozed snoozed, string language)
    {
        var when = Words.Moment(snoozed.Reminder.DueAt, snoozed.Zone);
        return new ChatReply(
            snoozed.Length == SnoozeLength.Tomorrow
                ? Say.In(language, "好的,明天 9 点({0})再提醒你:{1}", "OK, I'll remind you again tomorrow at 9:00 ({0}): {1}", when, snoozed.Reminder.Text)
                : Say.In(language, "好的,1 小时后({0})再提醒你:{1}", "OK, I'll remind you again in an hour ({0}): {1}", when, snoozed.Reminder.Text),
            [ReplyWriter.Fact(language, "编号", "Id", ReminderReference.ShortId(snoozed.Reminder.Id))],
            []);
    }

    /// <summary>A heading, then each reminder as a card of its own with the same buttons as when it comes due.</summary>
    public IReadOnlyList<ChatReply> List(ReminderList list, string language)
    {
        if (list.Reminders.Count == 0)
        {
            return [ChatReply.Plain(Say.In(language,
                "你没有待提醒的事项。可以说「明天上午10点提醒我给王总打电话」。",
                "You have no reminders coming up. Try \"remind me tomorrow at 10am to call Sarah\"."))];
        }

        var heading = list.HasMore
            ? Say.In(language, "你最近的 {0} 条提醒(还有更多,完成这些后再看):", "Your next {0} reminders (there are more; they show once these are done):", list.Reminders.Count)
            : Say.In(language, "你有 {0} 条待提醒,最近的在前:", "You have {0} reminders coming up, soonest first:", list.Reminders.Count);
        return
        [
            ChatReply.Plain(heading),
            .. list.Reminders.Select(reminder => new ChatReply(
                Say.In(language, "⏰ {0}", "⏰ {0}", reminder.Text),
                Facts(reminder, list.Zone, language),
                Buttons(reminder.Id, language))),
        ];
    }

    /// <summary>The facts a reminder card shows: when, the lead, and the short id a typed command takes.</summary>
    public static List<ReplyFact> Facts(Reminder reminder, TimeZoneInfo zone, string language)
    {
        var facts = new List<ReplyFact> { ReplyWriter.Fact(language, "时间", "Due", Words.Moment(reminder.DueAt, zone)) };
        if (reminder.LeadNumber is { } lead)
        {
            facts.Add(ReplyWriter.Fact(language, "线索", "Lead", lead));
        }

        facts.Add(ReplyWriter.Fact(language, "编号", "Id", ReminderReference.ShortId(reminder.Id)));
        return facts;
    }

    /// <summary>Why a reminder could not be closed or snoozed; other refusals as everywhere else.</summary>
    public static ChatReply Refused(CrmError error, Intent intent, string language) => error switch
    {
        ReminderNotFound notFound => ChatReply.Plain(Say.In(language,
            "没有找到编号为「{0}」的提醒。发送 /reminders 查看你的提醒和编号。",
            "I couldn't find a reminder \"{0}\". Send /reminders to see yours with their ids.",
            notFound.Reference ?? string.Empty)),
        NotYourReminder other => ChatReply.Plain(Say.In(language,
            "提醒 {0} 不是你的,只有设置它的人可以完成或推迟。",
            "Reminder {0} isn't yours: only the person who set it can close or snooze it.",
            other.ShortId)),
        ReminderClosed { State: ReminderState.Cancelled } closed => ChatReply.Plain(Say.In(language,
            "提醒 {0}({1})已经取消了,不用再处理。",
            "Reminder {0} ({1}) was cancelled, so there is nothing to do with it.",
            closed.ShortId, closed.Text)),
        ReminderClosed closed => ChatReply.Plain(Say.In(language,
            "提醒 {0}({1})已经完成了,不能再推迟。需要的话可以设置一条新提醒。",
            "Reminder {0} ({1}) is already done, so it can't be snoozed. Set a new one if you need it.",
            closed.ShortId, closed.Text)),
        MissingValue { Field: "reminder" } => ChatReply.Plain(Say.In(language,
            "哪条提醒?用法:/reminder done <编号> · /reminder snooze <编号> 1h|tomorrow。发送 /reminders 查看编号。",
            "Which reminder? Usage: /reminder done <id> · /reminder snooze <id> 1h|tomorrow. Send /reminders to see the ids.")),
        MissingValue { Field: "snooze" } when intent is SnoozeReminderIntent snooze => new ChatReply(
            Say.In(language, "推迟多久?1h(1 小时)或 tomorrow(明天 9 点)。", "Snooze for how long? 1h (an hour) or tomorrow (9:00 tomorrow)."),
            [],
            [
                ReplyWriter.Button(Say.In(language, "1小时后", "In 1 hour"), snooze with { Length = SnoozeLength.OneHour }, language),
                ReplyWriter.Button(Say.In(language, "明天9点", "Tomorrow"), snooze with { Length = SnoozeLength.Tomorrow }, language),
            ]),
        _ => ErrorReplies.For(error, intent, language),
    };
}
