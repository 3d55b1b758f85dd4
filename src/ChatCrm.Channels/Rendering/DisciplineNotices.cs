using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Notifications;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// The follow-up discipline's notices for every channel: stale-lead lists for owners and managers,
/// leads returned to the pool, next-step prompts and the day-end evidence list. Buttons are
/// intents in payloads, so they work alike in the web chat, Teams cards and WeCom template cards.
/// </summary>
internal sealed class DisciplineNotices(CrmSettings settings)
{
    /// <summary>Per-lead Return buttons on an owner's list (WeCom shows six buttons at most).</summary>
    private const int ReturnButtons = 2;

    public ChatReply? Write(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var lines = NoticeLeadLine.Decode(Arg("leads"));
        var total = int.TryParse(Arg("count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : lines.Count;
        return notice.Kind switch
        {
            Notices.StaleLeadsOwner => OwnerList(lines, total, language),
            Notices.StaleLeadsManager => new ChatReply(
                Say.In(language, "⚠️ 团队 {0} 有 {1} 条线索长期没人跟进(已提醒过负责人){2}:", "⚠️ {1} leads of team {0} have gone without a follow-up for too long (their owners were reminded){2}:", Arg("team"), total, More(lines.Count, total, language)),
                [.. lines.Select(line => Fact(line, language, withPerson: true))],
                []),
            Notices.StaleLeadsReturned => new ChatReply(
                Arg("role") == "owner"
                    ? Say.In(language, "{0} 条线索长期没跟进,已自动退回公海{1}:", "{0} of your leads went too long without a follow-up and are back in the pool{1}:", total, More(lines.Count, total, language))
                    : Say.In(language, "{0} 条线索长期没跟进,已自动退回团队公海,可重新分配{1}:", "{0} leads went too long without a follow-up and are back in the team's pool, to assign again{1}:", total, More(lines.Count, total, language)),
                [.. lines.Select(line => Fact(line, language, withPerson: Arg("role") != "owner"))],
                []),
            Notices.NextStepMissing => NextStep(lines, language),
            Notices.EvidenceDayList => new ChatReply(
                Say.In(language, "📋 团队 {0} 今天有 {1} 条电话/拜访记录太简短,且没有补充{2}:", "📋 {1} calls or visits of team {0} were logged today with too short a note and never completed{2}:", Arg("team"), total, More(lines.Count, total, language)),
                [.. lines.Select(line => new ReplyFact(
                    $"{line.LeadNumber} {line.Name}".Trim(),
                    $"{line.Person} · {(line.When is { } at ? Words.Moment(at, settings.TimeZone) : string.Empty)} · “{line.Note}”"))],
                []),
            _ => null,
        };
    }

    private ChatReply OwnerList(IReadOnlyList<NoticeLeadLine> lines, int total, string language)
    {
        var actions = new List<ReplyAction>
        {
            ReplyWriter.Button(
                lines.Count == 1 ? Say.In(language, "明天跟进", "Tomorrow") : Say.In(language, "都定明天跟进", "All tomorrow"),
                new PlanFollowUpIntent([.. lines.Select(line => line.LeadNumber)], 1),
                language),
        };
        actions.AddRange(lines.Take(ReturnButtons).Select(line => ReplyWriter.Button(
            Say.In(language, "退回 {0}", "Return {0}", line.Name),
            new ReturnLeadIntent(line.LeadNumber, Say.In(language, "长期未跟进", "no follow-up for too long")),
            language)));
        actions.Add(ReplyWriter.Button(Say.In(language, "查看列表", "List them"), new QueryLeadsIntent(LeadFilter.Stale), language));
        return new ChatReply(
            Say.In(language, "⏰ 你有 {0} 条线索该跟进了,客户等太久会流失{1}:", "⏰ {0} of your leads need a follow-up before the customers drift away{1}:", total, More(lines.Count, total, language)),
            [.. lines.Select(line => Fact(line, language, withPerson: false))],
            actions);
    }

    private static ChatReply NextStep(IReadOnlyList<NoticeLeadLine> lines, string language)
    {
        var numbers = lines.Select(line => line.LeadNumber).ToList();
        var one = lines.Count == 1;
        var text = one
            ? Say.In(language, "你记录了对 {0} 的跟进,但没说下次什么时候再跟进。定个时间吧:", "You logged a follow-up with {0} but not when to follow up next. Pick a day:", lines[0].Name)
            : Say.In(language, "你记录的 {0} 条跟进还没定下次跟进时间。定个时间吧:", "{0} follow-ups you logged have no next follow-up date. Pick a day:", lines.Count);
        return new ChatReply(
            text,
            [.. lines.Select(line => new ReplyFact(line.LeadNumber, string.IsNullOrEmpty(line.Note) ? line.Name : $"{line.Name} · {line.Note}"))],
            [
                ReplyWriter.Button(one ? Say.In(language, "明天", "Tomorrow") : Say.In(language, "都定明天", "All tomorrow"), new PlanFollowUpIntent(numbers, 1), language),
                ReplyWriter.Button(one ? Say.In(language, "3 天后", "In 3 days") : Say.In(language, "都定 3 天后", "All in 3 days"), new PlanFollowUpIntent(numbers, 3), language),
                ReplyWriter.Button(one ? Say.In(language, "下周", "Next week") : Say.In(language, "都定下周", "All next week"), new PlanFollowUpIntent(numbers, 7), language),
            ]);
    }

    private ReplyFact Fact(NoticeLeadLine line, string language, bool withPerson)
    {
        var parts = new List<string> { line.Name };
        if (line.Note.Length > 0)
        {
            parts.Add(line.Note);
        }

        if (withPerson && line.Person.Length > 0)
        {
            parts.Add(Say.In(language, "负责人 {0}", "owner {0}", line.Person));
        }

        parts.Add(line.When is { } promised
            ? Say.In(language, "约定 {0} 跟进,已错过", "promised for {0}, missed", Words.Moment(promised, settings.TimeZone))
            : Say.In(language, "{0} 天没跟进", "{0} days without a follow-up", line.Days));
        return new ReplyFact(line.LeadNumber, string.Join(" · ", parts));
    }

    private static string More(int shown, int total, string language) =>
        total > shown ? Say.In(language, "(显示最久的 {0} 条,另有 {1} 条)", " (the {0} longest waiting shown, and {1} more)", shown, total - shown) : string.Empty;
}
