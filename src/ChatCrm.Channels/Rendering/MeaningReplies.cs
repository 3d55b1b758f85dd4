using ChatCrm.Channels.Conversation;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>The question asked when the language model and the embedded rules read a message as two different changes.</summary>
public static class MeaningReplies
{
    public static ChatReply Choose(ChooseMeaningIntent choice, string language)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new ChatReply(
            Say.In(language, "这句话我有两种理解,你指的是哪一个?点一下我再执行。", "I can read that two ways. Which did you mean? Nothing is done until you pick one."),
            [],
            [.. choice.Readings.Select(reading => ReplyWriter.Button(Title(reading, language), reading, language)),
             ReplyWriter.Button(Say.In(language, "都不是", "Neither"), new HelpIntent(), language)]);
    }

    /// <summary>"记录跟进:王总 · call · 2026-11-25", "Set reminder: 2026-11-25T10:00 · call Acme".</summary>
    internal static string Title(Intent reading, string language)
    {
        var what = reading switch
        {
            LogFollowUpIntent => Say.In(language, "记录跟进", "Log follow-up"),
            CreateLeadIntent => Say.In(language, "新建线索", "New lead"),
            LinkChatIntent => Say.In(language, "关联聊天", "Link chat"),
            ClaimLeadIntent => Say.In(language, "认领", "Claim"),
            ReturnLeadIntent => Say.In(language, "退回公海", "Return to pool"),
            TransferLeadIntent => Say.In(language, "转交", "Transfer"),
            SetStageIntent => Say.In(language, "改阶段", "Change stage"),
            SetAmountIntent => Say.In(language, "改金额", "Set amount"),
            SetReminderIntent => Say.In(language, "设提醒", "Set reminder"),
            _ => reading.Name,
        };
        var slots = IntentSlots.ToSlots(reading)
            .Where(slot => slot.Key is not "currency")
            .Select(slot => Convert.ToString(slot.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(value => !string.IsNullOrEmpty(value))
            .Take(3)
            .ToList();
        return slots.Count == 0 ? what : $"{what}: {string.Join(" · ", slots)}";
    }
}
