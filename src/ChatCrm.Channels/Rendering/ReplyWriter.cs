using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Reminders;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// Turns what a use case did into what the person reads: a sentence saying what was understood and
/// done, the facts, and an Undo button for every change.
/// </summary>
public sealed class ReplyWriter(CrmSettings settings)
{
    public ChatReply LeadChanged(LeadChange change, string action, string language)
    {
        var lead = change.After;
        var text = action switch
        {
            AuditActions.CreateLead => Say.In(language, "已创建线索 {0}。", "Created lead {0}.", lead.Number),
            AuditActions.ClaimLead => Say.In(language, "已认领 {0},现在由你跟进。", "You claimed {0}; it is yours now.", lead.Number),
            AuditActions.ReturnLead => Say.In(language, "{0} 已退回公海。", "{0} is back in the pool.", lead.Number),
            AuditActions.TransferLead => Say.In(language, "{0} 已转给 {1}。", "{0} transferred to {1}.", lead.Number, lead.OwnerKey),
            AuditActions.OfferLead => Say.In(language, "{0} 已分配给 {1},等待其认领。", "{0} is offered to {1}; they are asked to claim it.", lead.Number, lead.AssigneeKey),
            AuditActions.ChangeStage => Say.In(language, "{0} 的阶段改为{1}。", "{0} moved to {1}.", lead.Number, Words.Stage(lead.Stage, language)),
            AuditActions.ChangeAmount => Say.In(language, "{0} 的金额改为 {1}。", "{0} is now worth {1}.", lead.Number, Words.Money(lead.Amount ?? 0, lead.Currency)),
            AuditActions.ExcludeFromReports when lead.ExcludedAs is { } kind => Say.In(language, "{0} 已标记为{1}数据,报表不再计入。", "{0} is marked as {1} data; reports leave it out.", lead.Number, kind),
            AuditActions.ExcludeFromReports => Say.In(language, "{0} 已恢复计入报表。", "{0} counts in reports again.", lead.Number),
            _ => Say.In(language, "{0} 已更新。", "{0} updated.", lead.Number),
        };
        return new ChatReply(text, LeadFacts(lead, language), [Undo(change.AuditId, language)]);
    }

    public ChatReply FollowUpLogged(FollowUpLogged logged, string language)
    {
        var lead = logged.After.Company is { } company ? $"{logged.After.Number} {logged.After.Name} · {company}" : $"{logged.After.Number} {logged.After.Name}";
        var facts = new List<ReplyFact> { Fact(language, "线索", "Lead", lead) };
        var followUp = logged.FollowUp;
        if (followUp.Channel is { } channel)
        {
            facts.Add(Fact(language, "方式", "Channel", Words.Channel(channel, language)));
        }

        if (followUp.Interest is { } interest)
        {
            facts.Add(Fact(language, "意向", "Interest", Words.Interest(interest, language)));
        }

        if (followUp.NextAt is { } next)
        {
            facts.Add(Fact(language, "下次跟进", "Next follow-up", Words.Moment(next, settings.TimeZone)));
        }

        facts.Add(Fact(language, "阶段", "Stage", Words.Stage(logged.After.Stage, language)));
        facts.Add(Fact(language, "内容", "Summary", followUp.Summary));
        var text = Say.In(language, "已记录对 {0} 的跟进。", "Logged a follow-up with {0}.", logged.After.Name);
        return new ChatReply(text, facts, [Undo(logged.AuditId, language)]);
    }

    public ChatReply ChatLinked(ChatLinked linked, string language)
    {
        var text = Say.In(language, "本聊天已关联到 {0} {1},之后的消息默认指这个线索。", "This chat is now linked to {0} {1}; later messages refer to it.", linked.Lead.Number, linked.Lead.Name);
        return new ChatReply(text, LeadFacts(linked.Lead, language), [Undo(linked.AuditId, language)]);
    }

    public ChatReply ReminderSet(ReminderSet set, string language)
    {
        var reminder = set.Reminder;
        var facts = new List<ReplyFact>
        {
            Fact(language, "时间", "When", Words.Moment(reminder.DueAt, settings.TimeZone)),
            Fact(language, "内容", "What", reminder.Text),
        };
        if (reminder.LeadNumber is { } lead)
        {
            facts.Add(Fact(language, "线索", "Lead", lead));
        }

        var text = Say.In(language, "好的,{0} 提醒你。", "OK, I'll remind you at {0}.", Words.Moment(reminder.DueAt, settings.TimeZone));
        return new ChatReply(text, facts, [Undo(set.AuditId, language)]);
    }

    public ChatReply Undone(ChangeUndone undone, string language)
    {
        var what = Describe(undone.Original.Action, language);
        var text = undone.Original.LeadNumber is { } lead
            ? Say.In(language, "已撤销:{0} {1}。", "Undone: {0} {1}.", what, lead)
            : Say.In(language, "已撤销:{0}。", "Undone: {0}.", what);
        var facts = undone.Undo.After is { } restored ? LeadFacts(restored, language) : [];
        return new ChatReply(text, facts, []);
    }

    /// <summary>The messages that could not be sent, for an admin: who, where, why, and a Replay button each.</summary>
    public ChatReply DeadLetters(IReadOnlyList<OutboxMessage> messages, string language)
    {
        if (messages.Count == 0)
        {
            return ChatReply.Plain(Say.In(language, "没有未送达的消息,全部已送出。", "No unsent messages: everything was delivered."));
        }

        var facts = messages.Select(message => new ReplyFact(
            $"#{ReviewDeadLetters.ShortId(message.Id)} {message.Delivery?.Channel ?? "-"} → {message.RecipientKey}",
            Say.In(language, "{0} 次尝试,{1}:{2}", "{0} attempts, {1}: {2}", message.Attempts, Words.Moment(message.CreatedAt, settings.TimeZone), message.LastError ?? "-"))).ToList();
        var buttons = messages.Take(5).Select(message =>
            Button(Say.In(language, "重发 #{0}", "Replay #{0}", ReviewDeadLetters.ShortId(message.Id)), new ReplayMessageIntent(ReviewDeadLetters.ShortId(message.Id)), language)).ToList();
        return new ChatReply(
            Say.In(language, "{0} 条消息没能送出(最新的在前)。修好原因后可以重发:", "{0} messages could not be sent (newest first). Fix the cause, then replay:", messages.Count),
            facts,
            buttons);
    }

    public ChatReply IdentityLinked(IdentityLinked change, string language) => ChatReply.Plain(change.Linked
        ? Say.In(language, "已关联:这个 {0} 账号的消息现在代表 {1}({2})。", "Linked: messages from that {0} account now act as {1} ({2}).", Words.Platform(change.Channel), change.DisplayName, change.UserKey)
        : Say.In(language, "已解除 {0}({1})在 {2} 上的关联。", "{0} ({1}) is no longer linked on {2}.", change.DisplayName, change.UserKey, Words.Platform(change.Channel)));

    public ChatReply Replayed(OutboxMessage message, string language) => ChatReply.Plain(Say.In(language,
        "已重新排队 #{0},发给 {1},马上重试。", "Queued #{0} to {1} again; it is retried now.", ReviewDeadLetters.ShortId(message.Id), message.RecipientKey));

    public ChatReply Leads(LeadPage page, string language)
    {
        var title = page.List switch
        {
            LeadList.Mine => Say.In(language, "你的线索", "Your leads"),
            LeadList.Stale => Say.In(language, "超过 {0} 天没跟进的线索", "Leads with no follow-up for {0} days", (int)settings.StaleAfter.TotalDays),
            LeadList.Unclaimed => Say.In(language, "待认领的线索", "Unclaimed leads"),
            _ => Say.In(language, "今天要跟进的线索", "Leads to follow up today"),
        };
        if (page.Total == 0)
        {
            return ChatReply.Plain(Say.In(language, "{0}:没有。", "{0}: none.", title));
        }

        var shown = page.Total > page.Leads.Count
            ? Say.In(language, "{0}(共 {1} 条,显示前 {2} 条):", "{0} ({1} in all, first {2}):", title, page.Total, page.Leads.Count)
            : Say.In(language, "{0}(共 {1} 条):", "{0} ({1}):", title, page.Total);
        var facts = page.Leads.Select(lead => new ReplyFact(lead.Number, ListLine(lead, language))).ToList();
        var actions = page.List == LeadList.Unclaimed
            ? page.Leads.Take(5).Select(lead => Button(Say.In(language, "认领 {0}", "Claim {0}", lead.Name), new ClaimLeadIntent(lead.Number), language)).ToList()
            : page.Leads.Take(5).Select(lead => Button(Say.In(language, "关联 {0}", "Link {0}", lead.Name), new LinkChatIntent(lead.Number), language)).ToList();
        return new ChatReply(shown, facts, actions);
    }

    private string ListLine(LeadSummary lead, string language)
    {
        var parts = new List<string> { lead.Name };
        if (lead.Company is { } company)
        {
            parts.Add(company);
        }

        parts.Add(Words.Stage(lead.Stage, language));
        parts.Add(lead.LastFollowUpAt is { } last
            ? Say.In(language, "上次跟进 {0}", "last {0}", Words.Moment(last, settings.TimeZone)[..10])
            : Say.In(language, "从未跟进", "never followed up"));
        if (lead.NextFollowUpAt is { } next)
        {
            parts.Add(Say.In(language, "下次 {0}", "next {0}", Words.Moment(next, settings.TimeZone)));
        }

        return string.Join(" · ", parts);
    }

    internal List<ReplyFact> LeadFacts(LeadSnapshot lead, string language)
    {
        var facts = new List<ReplyFact>
        {
            Fact(language, "线索", "Lead", lead.Number),
            Fact(language, "客户", "Name", lead.Name),
        };
        if (lead.Company is { } company)
        {
            facts.Add(Fact(language, "公司", "Company", company));
        }

        if (lead.Industry is { } industry)
        {
            facts.Add(Fact(language, "行业", "Industry", industry));
        }

        // Contacts are shown masked to everyone; the full ones only through an audited reveal (/phone).
        if (lead.PhoneE164 is { } phone)
        {
            facts.Add(Fact(language, "电话", "Phone", Phone.FromE164(phone).Masked));
        }

        if (lead.Email is { } email)
        {
            facts.Add(Fact(language, "邮箱", "Email", Email.FromStored(email).Masked));
        }

        facts.Add(Fact(language, "阶段", "Stage", Words.Stage(lead.Stage, language)));
        if (lead.Amount is { } amount)
        {
            facts.Add(Fact(language, "金额", "Amount", Words.Money(amount, lead.Currency)));
        }

        facts.Add(Fact(language, "负责人", "Owner", lead.OwnerKey ?? Say.In(language, "公海(待认领)", "pool (unclaimed)")));
        if (lead.NextFollowUpAt is { } next)
        {
            facts.Add(Fact(language, "下次跟进", "Next follow-up", Words.Moment(next, settings.TimeZone)));
        }

        return facts;
    }

    internal static ReplyFact Fact(string language, string zh, string en, string value) => new(Say.In(language, zh, en), value);

    internal static ReplyAction Undo(Guid auditId, string language) =>
        new(Say.In(language, "撤销", "Undo"), new Dictionary<string, string>
        {
            [IntentPayload.IntentKey] = "undo",
            ["audit"] = auditId.ToString(),
            [IntentPayload.LanguageKey] = language,
        });

    /// <summary>A button that carries out <paramref name="intent"/> when pressed.</summary>
    internal static ReplyAction Button(string title, Intent intent, string language) =>
        new(title, IntentPayload.Write(intent, language));

    internal static string Describe(string action, string language) => action switch
    {
        AuditActions.CreateLead => Say.In(language, "新建线索", "new lead"),
        AuditActions.ClaimLead => Say.In(language, "认领", "claim"),
        AuditActions.ReturnLead => Say.In(language, "退回公海", "return to pool"),
        AuditActions.TransferLead => Say.In(language, "转交", "transfer"),
        AuditActions.OfferLead => Say.In(language, "分配", "assignment"),
        AuditActions.ChangeStage => Say.In(language, "阶段变更", "stage change"),
        AuditActions.ChangeAmount => Say.In(language, "金额变更", "amount change"),
        AuditActions.LogFollowUp => Say.In(language, "跟进记录", "follow-up"),
        AuditActions.SetReminder => Say.In(language, "提醒", "reminder"),
        AuditActions.LinkChat => Say.In(language, "聊天关联", "chat link"),
        AuditActions.PlanFollowUp => Say.In(language, "下次跟进日期", "next follow-up date"),
        AuditActions.RevealContact => Say.In(language, "查看完整号码", "full contact viewed"),
        AuditActions.DeclineOffer => Say.In(language, "退回分配", "offer declined"),
        AuditActions.WithdrawOffer => Say.In(language, "撤回分配", "offer withdrawn"),
        AuditActions.RouteLead => Say.In(language, "分到团队", "routed to a team"),
        AuditActions.Undo => Say.In(language, "撤销", "undo"),
        AuditActions.ExcludeFromReports => Say.In(language, "报表排除标记", "report exclusion"),
        _ => action,
    };
}
