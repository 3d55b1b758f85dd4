using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>Replies of the recycle bin, bulk changes, signed amounts and exports, and their refusals, in the reader's language.</summary>
public sealed class HighRiskReplies(CrmSettings settings, ApprovalCards cards, ReplyWriter replies)
{
    public ChatReply Bin(BinContents bin, string language) => bin.Total == 0
        ? ChatReply.Plain(Say.In(language, "回收站是空的。", "The recycle bin is empty."))
        : new ChatReply(
            Say.In(language,
                "回收站里有 {0} 条线索(最近删除的在前,30 天后自动清除)。恢复:/admin restore <线索编号|审批编号>",
                "The recycle bin holds {0} lead(s), most recently deleted first (purged after 30 days). Restore with /admin restore <lead number|request number>",
                bin.Total),
            [.. bin.Newest.Select(binned => new ReplyFact(
                $"{binned.Lead.Number} {binned.Lead.Name}",
                Say.In(language, "{0} 于 {1} 删除:{2}{3}", "deleted by {0} on {1}: {2}{3}",
                    binned.Entry.DeletedBy, Words.Moment(binned.Entry.DeletedAt, settings.TimeZone), binned.Entry.Reason,
                    binned.Entry.RequestNumber is { } request ? $" ({request})" : string.Empty)))],
            []);

    public ChatReply Restored(LeadsRestored restored, string language) => ChatReply.Plain(restored.Numbers.Count == 1
        ? Say.In(language, "已恢复线索 {0},一切如删除前。", "Restored lead {0}, just as it was before it was deleted.", restored.Numbers[0])
        : Say.In(language, "已恢复 {0} 条线索,一切如删除前。", "Restored {0} leads, just as they were before they were deleted.", restored.Numbers.Count));

    public ChatReply Bulk(BulkOutcome outcome, string language) => outcome.Approval is { } opened
        ? cards.Opened(opened, language)
        : ChatReply.Plain(outcome.Kind == BulkKind.Transfer
            ? Say.In(language, "已把 {0} 条线索转给 {1}。", "Transferred {0} lead(s) to {1}.", outcome.Count, outcome.ToUser)
            : Say.In(language, "已把 {0} 条线索退回公海。", "Returned {0} lead(s) to the pool.", outcome.Count));

    public ChatReply Amount(DealAmountSet set, string language) => set.Approval is { } opened
        ? cards.Opened(opened, language)
        : replies.LeadChanged(set.Change!, Core.Audit.AuditActions.ChangeAmount, language);

    public ChatReply Export(ExportOutcome outcome, string language) => outcome.Approval is { } opened
        ? cards.Opened(opened, language)
        : Ready(outcome.Ready!.Url, outcome.Ready.Count, outcome.Ready.WithPhones, outcome.Ready.ExpiresAt, language);

    /// <summary>An approved export's link (notice <see cref="Notices.ExportReady"/>).</summary>
    public ChatReply ExportReady(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var expires = DateTimeOffset.TryParse(Arg("expires"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until) ? until : DateTimeOffset.MinValue;
        return Ready(Arg("url"), int.TryParse(Arg("count"), out var count) ? count : 0, Arg("phones") == "true", expires, language);
    }

    private ChatReply Ready(string url, int count, bool phones, DateTimeOffset expires, string language) => new(
        Say.In(language,
            "导出已备好:{0} 条线索{1}。下载链接只能用一次,{2} 前有效,请勿转发:\n{3}",
            "Your export is ready: {0} lead(s){1}. The link works once, until {2}; do not pass it on:\n{3}",
            count, phones ? Say.In(language, "(含完整电话)", " (with full phones)") : Say.In(language, "(电话和邮箱已打码)", " (phones and emails masked)"),
            Words.Moment(expires, settings.TimeZone), url),
        [],
        []);

    /// <summary>Refusals of the high-risk commands; anything else as every command words it.</summary>
    public static ChatReply Refused(CrmError error, Intent intent, string language) => error switch
    {
        ApprovalNotFound when intent is ConfirmApprovalIntent => Plain(language, "没有等你确认的请求与这个确认码对应。", "No request of yours awaits that code."),
        ApprovalNotFound notFound => Plain(language, "没有找到你能处理的请求「{0}」。", "There is no request \"{0}\" for you to act on.", notFound.Given ?? string.Empty),
        WrongApprovalCode { AttemptsLeft: 0 } wrong => Plain(language, "确认码输错次数过多,请求 {0} 已作废。如仍需要,请重新发起。", "Too many wrong codes: request {0} is void. Ask again if you still need it.", wrong.Number),
        WrongApprovalCode wrong => Plain(language, "确认码不对,请对照卡片重新输入(还可以试 {0} 次)。", "That code is not the one on the card; check it and type it again ({0} tries left).", wrong.AttemptsLeft),
        ApprovalClosed { State: ApprovalState.Expired } closed => Plain(language, "请求 {0} 已超过 24 小时,已失效,没有执行。", "Request {0} is over 24 hours old and has expired; nothing ran.", closed.Number),
        ApprovalClosed closed => Plain(language, "请求 {0} 已经处理过了({1}),没有重复执行。", "Request {0} was handled already ({1}); nothing ran twice.", closed.Number, closed.State),
        NoApprover => Plain(language, "找不到可以审批的人(需要一位在职的主管或另一位管理员),没有发起请求。", "Nobody else can approve this (an active manager or another admin is needed); no request was made."),
        BulkNotPermitted refused => Plain(language,
            "所选的 {1} 条线索中有 {0} 条你无权这样操作(或不存在),所以一条也没有改动。",
            "You may not do this to {0} of the {1} selected leads (or they do not exist), so none was changed.", refused.Refused, refused.Total),
        NoLeadsSelected => Plain(language, "没有选中任何线索,没有改动。", "No lead is selected; nothing changed."),
        NotPermitted { LeadNumber: null } when intent is BulkChangeIntent or ExportLeadsIntent or DeleteLeadIntent => Plain(language,
            "抱歉,你的职位没有这项权限,请求没有发起。", "Sorry, your position does not allow that; nothing was requested."),
        NotPermitted denied when intent is DeleteLeadIntent => Plain(language, "抱歉,你没有权限删除 {0}。", "Sorry, you may not delete {0}.", denied.LeadNumber ?? string.Empty),
        NotFound { Kind: "bin" } missing => Plain(language, "回收站里没有 {0}。发送 /admin bin 查看。", "{0} is not in the recycle bin. Send /admin bin to see it.", missing.Key),
        MissingValue { Field: "reason" } when intent is DecideApprovalIntent => Plain(language, "驳回的原因是什么?(申请人会看到)", "Why do you reject it? (the requester will read it)"),
        MissingValue { Field: "reason" } => Plain(language, "这项操作需要审批,请说明原因:", "This needs approval: what is the reason?"),
        MissingValue { Field: "code" } => Plain(language, "请输入卡片上的 6 位确认码,例如 /confirm 123456。", "Type the 6-digit code from the card, e.g. /confirm 123456."),
        InvalidValue { Field: "code" } => Plain(language, "确认码是 6 位数字,例如 /confirm 123456。", "The code is 6 digits, e.g. /confirm 123456."),
        MissingValue { Field: "approval" } => Plain(language, "审批哪个请求?例如 /approve A-20261118-0001。", "Which request? E.g. /approve A-20261118-0001."),
        MissingValue { Field: "leads" } => Plain(language, "用法:/admin restore <线索编号|审批编号> · /admin purge <线索编号> <原因>", "Usage: /admin restore <lead number|request number> · /admin purge <lead number> <reason>"),
        MissingValue { Field: "from_user" } or MissingValue { Field: "to_user" } when intent is BulkChangeIntent => BulkUsage(language),
        MissingValue { Field: "kind" } => BulkUsage(language),
        _ => ErrorReplies.For(error, intent, language),
    };

    private static ChatReply BulkUsage(string language) => Plain(language,
        "用法:/bulk transfer <原负责人> <新负责人> [原因] · /bulk return <负责人> [原因] · /bulk delete <线索编号…|负责人> <原因>(超过 20 条或删除需要审批)",
        "Usage: /bulk transfer <from> <to> [reason] · /bulk return <owner> [reason] · /bulk delete <lead numbers…|owner> <reason> (more than 20 leads, or any delete, needs approval)");

    private static ChatReply Plain(string language, string zh, string en, params object?[] args) => ChatReply.Plain(Say.In(language, zh, en, args));
}
