using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Partners;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>What an admin reads back from /admin deactivate|reactivate and /admin partner key, and the manager's notice.</summary>
public sealed class OffboardingReplies(CrmSettings settings)
{
    public const string DeactivateUsage = "/admin deactivate <user> [manager|pool] · /admin reactivate <user>";
    public const string PartnerKeyUsage = "/admin partner key add <user> <scope…> · /admin partner key list · /admin partner key revoke <id>";

    /// <summary>What a deactivated person reads whatever they send, on every channel.</summary>
    public static ChatReply Deactivated(string language) => ChatReply.Plain(Say.In(language,
        "你的 ChatCrm 账号已停用,无法再查看或修改任何内容。如有疑问请联系管理员。",
        "Your ChatCrm account has been deactivated: you can no longer see or change anything. Please contact your admin if you think this is a mistake."));

    public ChatReply Offboarded(Offboarded done, string language)
    {
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "线索", "Leads", Destination(done, language)),
            ReplyWriter.Fact(language, "撤回的分配", "Offers withdrawn", Count(done.OffersWithdrawn)),
            ReplyWriter.Fact(language, "取消的提醒", "Reminders cancelled", Count(done.RemindersCancelled)),
            ReplyWriter.Fact(language, "吊销的合作方密钥", "Partner keys revoked", Count(done.KeysRevoked)),
            ReplyWriter.Fact(language, "关闭的接入源", "Intake sources switched off", Count(done.SourcesSwitchedOff)),
        };
        foreach (var team in done.TeamsManaged ?? [])
        {
            facts.Add(ReplyWriter.Fact(language, "仍由其管理的团队", "Team they still manage",
                Say.In(language, "{0}:请用 /admin team manager {0} <新经理> 指定新经理", "{0}: give it a new manager with /admin team manager {0} <user>", team)));
        }

        return new ChatReply(
            Say.In(language, "已停用 {0}({1}),从 {2} 起在所有渠道都无法再操作。", "Deactivated {0} ({1}): from {2} they can do nothing on any channel.",
                done.DisplayName, done.UserKey, Words.Moment(done.DeactivatedAt, settings.TimeZone)),
            facts,
            []);
    }

    public static ChatReply Reactivated(Reactivated done, string language) => ChatReply.Plain(Say.In(language,
        "已重新启用 {0}({1})。原来的线索、提醒、合作方密钥和接入源不会恢复,需要时请重新分配。",
        "Reactivated {0} ({1}). Their old leads, reminders, partner keys and intake sources stay where they are; hand them out again if needed.",
        done.DisplayName, done.UserKey));

    public static ChatReply KeyIssued(PartnerKeyIssued issued, string language) => new(
        Say.In(language, "已为 {0} 创建合作方密钥 {1}。完整密钥只显示这一次,请交给对方妥善保存:", "Made partner key {1} for {0}. The whole key is shown only this once; hand it over safely:", issued.OwnerKey, issued.Id),
        [
            ReplyWriter.Fact(language, "密钥", "Key", issued.Key),
            ReplyWriter.Fact(language, "权限范围", "Scopes", string.Join(", ", issued.Scopes)),
            ReplyWriter.Fact(language, "请求头", "Headers", "X-ChatCrm-Key: <key> · X-ChatCrm-Timestamp: <unix seconds> · X-ChatCrm-Signature: sha256=<hex>"),
            ReplyWriter.Fact(language, "签名", "Signing", "HMAC-SHA256(hex HMAC-SHA256(secret, \"chatcrm-signing\"), timestamp + \".\" + METHOD + \" \" + path + \".\" + body)"),
        ],
        []);

    public ChatReply Keys(IReadOnlyList<PartnerKeyView> keys, string language)
    {
        if (keys.Count == 0)
        {
            return ChatReply.Plain(Say.In(language, "还没有合作方密钥。用法:{0}", "There are no partner keys yet. Usage: {0}", PartnerKeyUsage));
        }

        return new ChatReply(
            Say.In(language, "合作方密钥:", "Partner keys:"),
            [.. keys.Select(key => new ReplyFact(
                $"{key.Id} · {key.OwnerName} ({key.OwnerKey})",
                string.Join(", ", key.Scopes) + " · " + (key.RevokedAt is { } revoked
                    ? Say.In(language, "已吊销 {0}", "revoked {0}", Words.Moment(revoked, settings.TimeZone))
                    : Say.In(language, "有效,创建于 {0}", "active, made {0}", Words.Moment(key.CreatedAt, settings.TimeZone)))))],
            []);
    }

    public static ChatReply KeyRevoked(PartnerKeyRevoked revoked, string language) => ChatReply.Plain(Say.In(language,
        "已吊销 {1} 的合作方密钥 {0},用它发来的请求会被拒绝(401)。",
        "Revoked partner key {0} of {1}: requests with it are refused (401).",
        revoked.Id, revoked.OwnerKey));

    /// <summary>This feature's own refusals; everything else as every reply says it.</summary>
    public static ChatReply Refused(CrmError error, Intent intent, string language) => error switch
    {
        CannotOffboardSelf => Plain(language, "不能停用你自己的账号,请让另一位管理员操作。", "You can't deactivate your own account; ask another admin."),
        LastAdmin last => Plain(language, "{0} 是最后一位管理员,停用后就没人能管理系统了。请先任命另一位管理员。", "{0} is the last admin; without them nobody could run ChatCrm. Make someone else an admin first.", last.UserKey),
        NoChange same when intent is DeactivateUserIntent => Plain(language, "{0} 已经停用了,没有改动。", "{0} is deactivated already; nothing changed.", same.LeadNumber),
        NoChange same when intent is ReactivateUserIntent => Plain(language, "{0} 没有停用,没有改动。", "{0} isn't deactivated; nothing changed.", same.LeadNumber),
        NoChange same when intent is RevokePartnerKeyIntent => Plain(language, "密钥 {0} 已经吊销了。", "Key {0} is revoked already.", same.LeadNumber),
        InvalidValue { Field: "leads" } invalid => Plain(language,
            "「{0}」不是线索去向:请写 manager(交给团队经理)或 pool(退回公海)。",
            "\"{0}\" is not where leads can go: say manager (to their team's manager) or pool (back to the pool).",
            invalid.Given ?? string.Empty),
        NotAPartner partner => Plain(language,
            "{0} 不是合作方账号。合作方密钥只能给职位为 partner(外部服务商)的用户,先用 /admin user position {0} partner 设置。",
            "{0} isn't a partner user. Partner keys go only to users holding the partner position; set it first with /admin user position {0} partner.",
            partner.UserKey),
        UnknownPartnerScope scope => Plain(language, "没有权限范围「{0}」。可用的有:{1}", "There is no scope \"{0}\". The scopes are: {1}", scope.Scope, string.Join(", ", PartnerScopes.All)),
        PartnerKeyNotFound missing => Plain(language, "没有合作方密钥 {0}。发送 /admin partner key list 查看。", "There is no partner key {0}. Send /admin partner key list to see them.", missing.Id),
        MissingValue when intent is DeactivateUserIntent or ReactivateUserIntent => Plain(language, "用法:{0}", "Usage: {0}", DeactivateUsage),
        MissingValue when intent is AddPartnerKeyIntent or RevokePartnerKeyIntent => Plain(language,
            "用法:{0}(范围:{1})", "Usage: {0} (scopes: {1})", PartnerKeyUsage, string.Join(", ", PartnerScopes.All)),
        _ => ErrorReplies.For(error, intent, language),
    };

    /// <summary>For the manager: a colleague was offboarded, and where their open leads went.</summary>
    public static ChatReply Notice(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        var toManager = Arg("to") == "manager";
        var text = toManager
            ? Say.In(language, "{0}({1})已停用,其 {2} 条未结束的线索已转给你。", "{0} ({1}) was deactivated: their {2} open leads are yours now.", Arg("name"), Arg("user"), Arg("leads"))
            : Say.In(language, "{0}({1})已停用,其 {2} 条未结束的线索已退回公海。", "{0} ({1}) was deactivated: their {2} open leads went back to the pool.", Arg("name"), Arg("user"), Arg("leads"));
        if (Arg("offers") is { Length: > 0 } offers && offers != "0")
        {
            text += Say.In(language, "分配给其的 {0} 条线索已撤回并重新分配。", " {0} leads offered to them were withdrawn and offered again.", offers);
        }

        return new ChatReply(
            text,
            [],
            [ReplyWriter.Button(
                toManager ? Say.In(language, "我的线索", "My leads") : Say.In(language, "待认领", "Unclaimed"),
                new QueryLeadsIntent(toManager ? LeadFilter.Mine : LeadFilter.Unclaimed),
                language)]);
    }

    private static string Destination(Offboarded done, string language)
    {
        var count = done.LeadsToManager + done.LeadsToPool;
        return done.Destination == LeadDestination.Manager
            ? Say.In(language, "{0} 条转给经理 {1}", "{0} moved to their manager {1}", count, done.ManagerKey ?? string.Empty)
            : Say.In(language, "{0} 条退回公海", "{0} returned to the pool", count);
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ChatReply Plain(string language, string zh, string en, params object?[] args) =>
        ChatReply.Plain(Say.In(language, zh, en, args));
}
