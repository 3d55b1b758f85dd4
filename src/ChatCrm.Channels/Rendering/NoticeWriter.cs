using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Rendering;

/// <summary>Renders what the bot says on its own (from the outbox) in the reader's language.</summary>
public sealed class NoticeWriter(CrmSettings settings, Charts.IChartLinks? charts = null)
{
    /// <param name="recipientKey">Who it is written for: a chart in it is served to them, in their scope.</param>
    public ChatReply Write(Notice notice, string language, string? recipientKey = null)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        switch (notice.Kind)
        {
            case Notices.LeadTransferred:
                return new ChatReply(
                    Say.In(language, "{0} 把线索 {1} {2} 转给了你。", "{0} transferred lead {1} {2} to you.", Arg("from"), Arg("lead"), Arg("name")),
                    [],
                    [ReplyWriter.Button(Say.In(language, "关联到当前聊天", "Link to this chat"), new Language.LinkChatIntent(Arg("lead")), language)]);
            case Notices.LeadOffered:
                var offered = new List<ReplyFact> { ReplyWriter.Fact(language, "线索", "Lead", $"{Arg("lead")} {Arg("name")}") };
                if (Arg("company") is { Length: > 0 } company)
                {
                    offered.Add(ReplyWriter.Fact(language, "公司", "Company", company));
                }

                var claimBy = DateTimeOffset.TryParse(Arg("claim_by"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : (DateTimeOffset?)null;
                if (claimBy is { } deadline)
                {
                    offered.Add(ReplyWriter.Fact(language, "认领期限", "Claim by", Words.Moment(deadline, settings.TimeZone)));
                }

                return new ChatReply(
                    Arg("by") == AssignLeads.EngineKey && claimBy is { } claimUntil
                        ? Say.In(language, "你有一条新线索 {0},请在 {1} 前认领,否则会分给其他同事。", "New lead {0} for you: claim it by {1}, or it goes to a colleague.", Arg("name"), Words.Moment(claimUntil, settings.TimeZone))
                        : Say.In(language, "{0} 给你分配了新线索 {1},请认领后跟进。", "{0} offered you lead {1}: claim it to start working it.", Arg("by"), Arg("name")),
                    offered,
                    [
                        ReplyWriter.Button(Say.In(language, "认领", "Claim"), new Language.ClaimLeadIntent(Arg("lead")), language),
                        ReplyWriter.Button(Say.In(language, "退回", "Return"), new Language.DeclineOfferIntent(Arg("lead")), language),
                    ]);
            case Notices.AssignmentEscalated:
                return Escalated(notice, language);
            case Notices.ContactAdded:
                var contactFacts = new List<ReplyFact> { ReplyWriter.Fact(language, "线索", "Lead", $"{Arg("lead")} {Arg("name")}") };
                if (Arg("company") is { Length: > 0 } contactCompany)
                {
                    contactFacts.Add(ReplyWriter.Fact(language, "公司", "Company", contactCompany));
                }

                return Arg("created") == "true"
                    ? new ChatReply(Say.In(language, "你添加了客户 {0},已为其建好线索 {1},由你跟进。", "You added {0} as a customer: lead {1} is created and yours.", Arg("name"), Arg("lead")), contactFacts, [])
                    : new ChatReply(
                        Say.In(language, "你添加了客户 {0},已关联到现有线索 {1}(负责人:{2})。", "You added {0} as a customer: linked to the existing lead {1} (owner: {2}).", Arg("name"), Arg("lead"), Arg("owner") is { Length: > 0 } owner ? owner : Say.In(language, "公海", "the pool")),
                        contactFacts,
                        []);
            case Notices.ContactRemoved:
                return ChatReply.Plain(Arg("by") == "customer"
                    ? Say.In(language, "客户 {0} 删除了你的企业微信好友。线索 {1} 仍在,建议换个方式联系或交给同事。", "{0} removed you as a WeCom contact. Lead {1} stays; try another way to reach them, or hand it on.", Arg("name"), Arg("lead"))
                    : Say.In(language, "你删除了客户 {0}。线索 {1} 仍保留。", "You removed {0} as a contact. Lead {1} stays.", Arg("name"), Arg("lead")));
            case Notices.LeadReturned:
                var reason = Arg("reason");
                return ChatReply.Plain(string.IsNullOrEmpty(reason)
                    ? Say.In(language, "{0} 把线索 {1} {2} 退回了公海。", "{0} returned lead {1} {2} to the pool.", Arg("by"), Arg("lead"), Arg("name"))
                    : Say.In(language, "{0} 把线索 {1} {2} 退回了公海,原因:{3}", "{0} returned lead {1} {2} to the pool: {3}", Arg("by"), Arg("lead"), Arg("name"), reason));
            case Notices.ReminderDue:
                var facts = new List<ReplyFact>();
                if (DateTimeOffset.TryParse(Arg("due"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                {
                    facts.Add(ReplyWriter.Fact(language, "时间", "Due", Words.Moment(due, settings.TimeZone)));
                }

                if (Arg("lead") is { Length: > 0 } lead)
                {
                    facts.Add(ReplyWriter.Fact(language, "线索", "Lead", lead));
                }

                if (!Guid.TryParse(Arg("reminder"), out var reminderId))
                {
                    return new ChatReply(Say.In(language, "⏰ 提醒:{0}", "⏰ Reminder: {0}", Arg("text")), facts, []);
                }

                facts.Add(ReplyWriter.Fact(language, "编号", "Id", Core.Reminders.ReminderReference.ShortId(reminderId)));
                return new ChatReply(Say.In(language, "⏰ 提醒:{0}", "⏰ Reminder: {0}", Arg("text")), facts, ReminderReplies.Buttons(reminderId, language));
            case Notices.LeadTouched:
                var touchFacts = new List<ReplyFact>();
                if (Arg("company") is { Length: > 0 } touchedCompany)
                {
                    touchFacts.Add(ReplyWriter.Fact(language, "公司", "Company", touchedCompany));
                }

                if (Arg("note") is { Length: > 0 } note)
                {
                    touchFacts.Add(ReplyWriter.Fact(language, "留言", "Note", note));
                }

                return new ChatReply(
                    Say.In(language,
                        "线索 {0} {1} 的客户又通过 {2} 留了资料(按{3}识别为同一客户),已记为一次新的接触,没有新建线索。",
                        "The customer of lead {0} {1} came in again through {2} (same {3}): recorded as a new touch, not a new lead.",
                        Arg("lead"), Arg("name"), Arg("source"), MatchedBy(Arg("by"), language)),
                    touchFacts,
                    [ReplyWriter.Button(Say.In(language, "关联到当前聊天", "Link to this chat"), new Language.LinkChatIntent(Arg("lead")), language)]);
            case Notices.IntegrationFailing when Arg("channel") == Core.Intake.ReconcileIntake.AlertChannel:
                return ChatReply.Plain(Say.In(
                    language,
                    "⚠️ 线索接入源 {0} 有请求收到了却没有保存结果({1})。可能有线索丢失:请查看服务日志,并发送 /admin source list 查看各接入源的计数和最近错误。",
                    "⚠️ Intake source {0} received requests whose outcome was never stored ({1}). Leads may be lost: check the server's log, and send /admin source list for each source's counts and last error.",
                    Arg("code"), Arg("message")));
            case Notices.IntegrationFailing:
                var platform = Arg("channel") == WeCom.WeComChannel.Name ? Say.In(language, "企业微信", "WeCom") : Arg("channel");
                return ChatReply.Plain(Say.In(
                    language,
                    "⚠️ {0}发送失败({1}):{2}\n请检查{0}应用的配置(可信 IP、Secret、AgentId、可见范围),修好后发送 /outbox 重发未送达的消息。",
                    "⚠️ Sending through {0} failed ({1}): {2}\nCheck the {0} app's settings (trusted IPs, secret, agent id, visible range), then send /outbox to resend what was not delivered.",
                    platform, Arg("code"), Arg("message")));
            case Notices.StaleLeadsOwner or Notices.StaleLeadsManager or Notices.StaleLeadsReturned or Notices.NextStepMissing or Notices.EvidenceDayList:
                return new DisciplineNotices(settings).Write(notice, language) ?? ChatReply.Plain(notice.Kind);
            case Notices.ManagerDigest:
                return DigestCards.Digest(notice, language, charts, recipientKey);
            case Notices.IntegrationDown:
                return new HealthReplies(settings).Down(notice, language);
            case Notices.IntegrationRecovered:
                return new HealthReplies(settings).Recovered(notice, language);
            case Notices.ApprovalAsked:
                return new ApprovalCards(settings).Asked(notice, language);
            case Notices.ApprovalFinished:
                return new ApprovalCards(settings).Finished(notice, language);
            case Notices.PermissionHealth:
                return AccessReplies.Health(notice, language);
            case Notices.ExportReady:
                return new HighRiskReplies(settings, new ApprovalCards(settings), new ReplyWriter(settings)).ExportReady(notice, language);
            case Notices.UserOffboarded:
                return OffboardingReplies.Notice(notice, language);
            default:
                return ChatReply.Plain(notice.Kind);
        }
    }

    /// <summary>For the manager: which lead nobody took, why, who was offered it and why the others were skipped.</summary>
    private static ChatReply Escalated(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var offers = AssignmentWords.Entries(Arg("offers")).ToList();
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "线索", "Lead", $"{Arg("lead")} {Arg("name")}".Trim()),
            ReplyWriter.Fact(language, "规则", "Rule", Arg("team") is { Length: > 0 } team ? $"{Arg("rule")} → {team}" : Arg("rule")),
        };
        if (offers.Count > 0)
        {
            facts.Add(ReplyWriter.Fact(language, "分配记录", "Offers", string.Join(" · ", offers.Select(offer => $"{offer.Key} {AssignmentWords.Offer(offer.Code, language)}"))));
        }

        if (AssignmentWords.Entries(Arg("candidates")).ToList() is { Count: > 0 } candidates)
        {
            facts.Add(ReplyWriter.Fact(language, "候选人", "Candidates", string.Join(" · ", candidates.Select(candidate => $"{candidate.Key} {AssignmentWords.Verdict(candidate.Code, candidate.Detail, language)}"))));
        }

        return new ChatReply(
            Say.In(language,
                "⚠️ 线索 {0} 没能自动分配:{1}。请用 /assign {0} <同事> 手动分配,或自己认领。",
                "⚠️ Lead {0} could not be assigned: {1}. Offer it by hand with /assign {0} <colleague>, or claim it yourself.",
                Arg("lead"), AssignmentWords.Reason(Arg("reason"), offers.Count, Arg("detail"), language)),
            facts,
            [ReplyWriter.Button(Say.In(language, "我来认领", "Claim it"), new Language.ClaimLeadIntent(Arg("lead")), language)]);
    }
    private static string MatchedBy(string by, string language) => by switch
    {
        "phone" => Say.In(language, "电话", "phone"),
        "email" => Say.In(language, "邮箱", "email"),
        _ => Say.In(language, "姓名和公司", "name and company"),
    };
}
