using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Discipline;

namespace ChatCrm.Channels.Rendering;

/// <summary>Replies to the follow-up discipline's buttons (setting the next follow-up date), in zh and en.</summary>
public sealed class DisciplineReplies(CrmSettings settings)
{
    public ChatReply Planned(NextFollowUpsPlanned planned, string language)
    {
        var day = Words.Moment(planned.At, settings.TimeZone);
        if (planned.Changed.Count == 0)
        {
            return ChatReply.Plain(Say.In(language, "下次跟进已经定在 {0},没有改动。", "The next follow-up is already set for {0}; nothing changed.", day));
        }

        var facts = planned.Changed.Select(change => new ReplyFact(change.After.Number, change.After.Name)).ToList();
        if (planned.Changed.Count == 1)
        {
            var lead = planned.Changed[0].After;
            return new ChatReply(
                Say.In(language, "好的,{0} {1} 的下次跟进定在 {2}。", "OK: the next follow-up with {1} ({0}) is set for {2}.", lead.Number, lead.Name, day),
                facts,
                [ReplyWriter.Undo(planned.Changed[0].AuditId, language)]);
        }

        return new ChatReply(
            Say.In(language, "好的,{0} 条线索的下次跟进都定在 {1}。", "OK: the next follow-up of {0} leads is set for {1}.", planned.Changed.Count, day),
            facts,
            []);
    }
}
