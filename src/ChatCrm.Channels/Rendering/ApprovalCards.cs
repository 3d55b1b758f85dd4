using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// The cards of a high-risk request, in the reader's language: the requester's card with the
/// one-time code, the approver's card with Approve / Reject, and the outcome. What the request
/// does is worded from its kind and summary facts; an unknown kind shows its facts as they are.
/// </summary>
public sealed class ApprovalCards(CrmSettings settings)
{
    /// <summary>The card the requester reads: what will happen, and the code that confirms it. No button confirms: typing the code is the point.</summary>
    public ChatReply Opened(ApprovalOpened opened, string language)
    {
        var request = opened.Request;
        var facts = Facts(request.Number, request.Kind, request.Summary, request.Reason, request.ExpiresAt, language);
        facts.Add(ReplyWriter.Fact(language, "审批人", "Approver", string.Join(", ", request.ApproverKeys)));
        facts.Add(ReplyWriter.Fact(language, "确认码", "Code", opened.Code));
        return new ChatReply(
            Say.In(language,
                "⚠️ 这项操作需要审批:{0}。请读清楚下面的内容,然后输入 /confirm {1} 确认;确认后才会发给审批人,批准后才会执行。",
                "⚠️ This needs approval: {0}. Read what follows, then type /confirm {1} to confirm; only then does it go to the approver, and it runs only once approved.",
                What(request.Kind, request.Summary, language), opened.Code),
            facts,
            []);
    }

    public ChatReply Confirmed(ApprovalRequest request, string language) => new(
        Say.In(language,
            "已确认。审批请求 {0} 已发给 {1};{2} 前没有批准就自动失效,什么都不会执行。",
            "Confirmed. Request {0} went to {1}; if nobody approves it by {2}, it expires and nothing runs.",
            request.Number, string.Join(", ", request.ApproverKeys), Words.Moment(request.ExpiresAt, settings.TimeZone)),
        Facts(request.Number, request.Kind, request.Summary, request.Reason, request.ExpiresAt, language),
        []);

    /// <summary>What the approver reads after deciding.</summary>
    public ChatReply Decided(ApprovalRequest request, string language) => ChatReply.Plain(request.State switch
    {
        ApprovalState.Rejected => Say.In(language, "已驳回 {0},已通知 {1}。", "Rejected {0}; {1} is told.", request.Number, request.RequesterKey),
        ApprovalState.Done => Say.In(language, "已批准 {0} 并执行:{1}。已通知 {2}。", "Approved {0} and ran it: {1}. {2} is told.", request.Number, Outcome(request.Kind, request.Outcome, language), request.RequesterKey),
        _ => Say.In(language, "已批准 {0},但执行时被拒绝:{1}。什么都没有改动,已通知 {2}。", "Approved {0}, but it was refused when it came to run: {1}. Nothing changed; {2} is told.",
            request.Number, Failure(request.Outcome, language), request.RequesterKey),
    });

    /// <summary>The requests waiting for this approver, each with its buttons.</summary>
    public ChatReply Pending(IReadOnlyList<ApprovalRequest> requests, string language) => requests.Count == 0
        ? ChatReply.Plain(Say.In(language, "没有等你审批的请求。", "Nothing is waiting for your approval."))
        : new ChatReply(
            Say.In(language, "等你审批的请求({0}):", "Waiting for your approval ({0}):", requests.Count),
            [.. requests.Select(request => new ReplyFact(request.Number, $"{request.RequesterKey}: {What(request.Kind, request.Summary, language)} — {request.Reason}"))],
            [.. requests.Take(3).SelectMany(request => Buttons(request.Number, language))]);

    /// <summary>The approver's card (notice <see cref="Notices.ApprovalAsked"/>).</summary>
    public ChatReply Asked(Notice notice, string language)
    {
        var args = notice.Args;
        var facts = Facts(Arg(args, "number"), Arg(args, "kind"), Prefixed(args, ApprovalNotices.SummaryPrefix), Arg(args, "reason"), Moment(Arg(args, "expires")), language);
        facts.Insert(0, ReplyWriter.Fact(language, "申请人", "Requested by", Arg(args, "requester")));
        return new ChatReply(
            Say.In(language,
                "🔐 {0} 申请:{1}。请审批(驳回需写原因)。",
                "🔐 {0} asks to: {1}. Please decide (a rejection needs a reason).",
                Arg(args, "requester"), What(Arg(args, "kind"), Prefixed(args, ApprovalNotices.SummaryPrefix), language)),
            facts,
            Buttons(Arg(args, "number"), language));
    }

    /// <summary>The requester's outcome (notice <see cref="Notices.ApprovalFinished"/>).</summary>
    public ChatReply Finished(Notice notice, string language)
    {
        var args = notice.Args;
        var number = Arg(args, "number");
        var what = What(Arg(args, "kind"), Prefixed(args, ApprovalNotices.SummaryPrefix), language);
        var outcome = Prefixed(args, ApprovalNotices.OutcomePrefix);
        return ChatReply.Plain(Enum.TryParse<ApprovalState>(Arg(args, "state"), out var state) ? state switch
        {
            ApprovalState.Done => Say.In(language, "✅ {0} 已批准并执行({1}):{2}。", "✅ {0} was approved and ran ({1}): {2}.", number, what, Outcome(Arg(args, "kind"), outcome, language)),
            ApprovalState.Rejected => Say.In(language, "❌ {0} 被 {1} 驳回({2}),没有执行。原因:{3}", "❌ {1} rejected {0} ({2}); nothing ran. Reason: {3}", number, Arg(args, "decider"), what, Arg(args, "decision_reason")),
            ApprovalState.Expired => Say.In(language, "⌛ {0} 24 小时内没有获批,已失效,没有执行({1})。", "⌛ {0} was not approved within 24 hours and has expired; nothing ran ({1}).", number, what),
            _ => Say.In(language, "⚠️ {0} 已批准,但执行时被拒绝:{1}。没有任何改动({2})。", "⚠️ {0} was approved but refused when it came to run: {1}. Nothing changed ({2}).", number, Failure(outcome, language), what),
        } : number);
    }

    /// <summary>A request's kind and summary in words, e.g. "删除 3 条线索(移入回收站)".</summary>
    public static string What(string kind, IReadOnlyDictionary<string, string> summary, string language)
    {
        string S(string key) => Arg(summary, key);
        return kind switch
        {
            DeleteLeadsOperation.KindName => Say.In(language, "删除 {0} 条线索(移入回收站,30 天内可恢复)", "delete {0} lead(s) (to the recycle bin, restorable for 30 days)", S("count")),
            BulkTransferOperation.KindName => S("from").Length > 0
                ? Say.In(language, "把 {1} 的 {0} 条线索转给 {2}", "transfer {0} lead(s) of {1} to {2}", S("count"), S("from"), S("to"))
                : Say.In(language, "把 {0} 条线索转给 {1}", "transfer {0} lead(s) to {1}", S("count"), S("to")),
            BulkReturnOperation.KindName => S("from").Length > 0
                ? Say.In(language, "把 {1} 的 {0} 条线索退回公海", "return {0} lead(s) of {1} to the pool", S("count"), S("from"))
                : Say.In(language, "把 {0} 条线索退回公海", "return {0} lead(s) to the pool", S("count")),
            PurgeLeadsOperation.KindName => Say.In(language, "从回收站彻底清除 {0} 条线索(不可恢复)", "purge {0} lead(s) from the recycle bin for good (no way back)", S("count")),
            SignedAmountOperation.KindName => Say.In(language, "把已签约线索 {0} {1} 的金额从 {2} 改为 {3}", "change the signed amount of won lead {0} {1} from {2} to {3}",
                S("lead"), S("name"), Money(S("old_amount"), S("old_currency"), language), Money(S("amount"), S("currency"), language)),
            PhoneExportOperation.KindName => Say.In(language, "导出{0}线索,含完整电话和邮箱", "export {0} leads with full phones and emails", Scope(S("scope"), language)),
            OwnPermissionsOperation.KindName => Say.In(language, "管理员修改自己的权限:{0} {1}", "an admin changes their own permissions: {0} {1}", S("change"), S("what")),
            _ => $"{kind} {string.Join(' ', summary.Select(pair => $"{pair.Key}={pair.Value}"))}",
        };
    }

    public static string Scope(string scope, string language) => scope.ToLowerInvariant() switch
    {
        "mine" => Say.In(language, "我的", "my"),
        "team" => Say.In(language, "团队的", "the team's"),
        _ => Say.In(language, "权限内全部", "all reachable"),
    };

    private List<ReplyFact> Facts(string number, string kind, IReadOnlyDictionary<string, string> summary, string reason, DateTimeOffset? expires, string language)
    {
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "编号", "Request", number),
            ReplyWriter.Fact(language, "操作", "Operation", What(kind, summary, language)),
        };
        if (Arg(summary, "leads") is { Length: > 0 } leads)
        {
            var shown = leads.Replace(";", " · ", StringComparison.Ordinal);
            var count = int.TryParse(Arg(summary, "count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : 0;
            facts.Add(ReplyWriter.Fact(language, "线索", "Leads", count > LeadSampleSize ? shown + Say.In(language, " 等 {0} 条", " and {0} more", count - LeadSampleSize) : shown));
        }

        facts.Add(ReplyWriter.Fact(language, "原因", "Reason", reason));
        if (expires is { } until)
        {
            facts.Add(ReplyWriter.Fact(language, "有效期至", "Expires", Words.Moment(until, settings.TimeZone)));
        }

        return facts;
    }

    private const int LeadSampleSize = 5;

    private static List<ReplyAction> Buttons(string number, string language) =>
    [
        ReplyWriter.Button(Say.In(language, "批准", "Approve"), new DecideApprovalIntent(number, true, null), language),
        ReplyWriter.Button(Say.In(language, "驳回", "Reject"), new DecideApprovalIntent(number, false, null), language),
    ];

    private static string Outcome(string kind, IReadOnlyDictionary<string, string>? outcome, string language)
    {
        var count = Arg(outcome, "count");
        var skipped = Arg(outcome, "skipped") is { Length: > 0 } s && s != "0" ? Say.In(language, ",{0} 条已不符合条件,跳过", "; {0} no longer qualified and were skipped", s) : string.Empty;
        return kind switch
        {
            DeleteLeadsOperation.KindName => Say.In(language, "{0} 条线索已移入回收站{1}", "{0} lead(s) moved to the recycle bin{1}", count, skipped),
            BulkTransferOperation.KindName => Say.In(language, "已转交 {0} 条线索{1}", "{0} lead(s) transferred{1}", count, skipped),
            BulkReturnOperation.KindName => Say.In(language, "已退回 {0} 条线索{1}", "{0} lead(s) returned to the pool{1}", count, skipped),
            PurgeLeadsOperation.KindName => Say.In(language, "已彻底清除 {0} 条线索", "{0} lead(s) purged", count),
            SignedAmountOperation.KindName => Say.In(language, "金额已修改", "the amount is changed"),
            PhoneExportOperation.KindName => Say.In(language, "导出文件已备好({0} 条),下载链接另行发送", "the export is ready ({0} leads); its link comes in a separate message", count),
            OwnPermissionsOperation.KindName => Say.In(language, "权限已修改:{0} → {1}", "permissions changed: {0} → {1}", Arg(outcome, "subject"), Arg(outcome, "after")),
            _ => Say.In(language, "完成 {0} 项", "{0} done", count),
        };
    }

    private static string Failure(IReadOnlyDictionary<string, string>? outcome, string language) => Arg(outcome, "error") switch
    {
        "not_permitted" => Say.In(language, "申请人已没有这项权限", "the requester no longer holds the permission"),
        "nothing_left" => Say.In(language, "涉及的线索已变化,没有可执行的了", "the leads have changed since; nothing was left to do"),
        "user_not_found" => Say.In(language, "接收人已不能接收线索", "the receiver can no longer take leads"),
        "wrong_codes" => Say.In(language, "确认码输错次数过多", "the code was mistyped too often"),
        var code => code,
    };

    private static string Money(string amount, string currency, string language) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Words.Money(value, currency.Length == 0 ? null : currency) : Say.In(language, "(无)", "(none)");

    private static DateTimeOffset? Moment(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;

    private static Dictionary<string, string> Prefixed(IReadOnlyDictionary<string, string> args, string prefix) =>
        args.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value, StringComparer.Ordinal);

    private static string Arg(IReadOnlyDictionary<string, string>? args, string key) => args is not null && args.TryGetValue(key, out var value) ? value : string.Empty;
}
