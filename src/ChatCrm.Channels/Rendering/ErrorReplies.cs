using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Scheduling;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// Says politely why something was not done, or asks for what is missing. For an ambiguous lead it
/// offers one button per candidate, each re-running the request with that lead.
/// </summary>
public static class ErrorReplies
{
    public static ChatReply For(CrmError error, Intent intent, string language) => error switch
    {
        AmbiguousLead ambiguous => new ChatReply(
            Say.In(language, "有 {0} 个「{1}」,你指的是哪一个?", "There are {0} matches for \"{1}\". Which one?", ambiguous.Candidates.Count, ambiguous.Mention),
            [],
            [.. ambiguous.Candidates.Select(lead => ReplyWriter.Button(Describe(lead), IntentLead.WithLead(intent, lead.Number), language))]),
        LeadNotFound notFound => Plain(language,
            "没有找到「{0}」。可以用线索编号(如 L-20261118-0007)、客户名或公司名,或先新建线索。",
            "I couldn't find \"{0}\". Use a lead number (like L-20261118-0007), a name or a company, or create the lead first.",
            notFound.Mention),
        NoLeadInContext when intent is DeclineOfferIntent => Plain(language, "现在没有分配给你、等你认领的线索。", "No lead is offered to you right now."),
        NotOffered notOffered => Plain(language, "{0} 没有分配给你,不用退回。", "{0} isn't offered to you, so there is nothing to decline.", notOffered.LeadNumber),
        NoLeadInContext => Plain(language,
            "你指的是哪个线索?说出客户名或编号,或先用「/link 线索编号」把这个聊天关联到线索。",
            "Which lead? Name it, or link this chat to one first with \"/link L-…\"."),
        NotOwned notOwned => new ChatReply(
            Say.In(language, "{0} 还在公海里,先认领它再操作。", "{0} is still in the pool; claim it first.", notOwned.LeadNumber),
            [],
            [ReplyWriter.Button(Say.In(language, "认领 {0}", "Claim {0}", notOwned.LeadNumber), new ClaimLeadIntent(notOwned.LeadNumber), language)]),
        NotPermitted { LeadNumber: null } => Plain(language, "抱歉,只有管理员可以这样做。", "Sorry, only an admin can do that."),
        NotPermitted denied => Plain(language, "抱歉,你没有权限操作 {0}。", "Sorry, you may not change {0}.", denied.LeadNumber ?? string.Empty),
        AlreadyOwned owned => Plain(language, "{0} 已经由 {1} 负责了。", "{0} is already owned by {1}.", owned.LeadNumber, owned.OwnerKey),
        AssignedToSomeoneElse other => Plain(language, "{0} 已分配给 {1},等待其认领。", "{0} is offered to {1}, waiting for them to claim it.", other.LeadNumber, other.AssigneeKey),
        IdentityTaken taken => Plain(language, "这个 {0} 账号已经关联给了 {1},请先解除那边的关联。", "That {0} account is linked to {1} already; unlink it there first.", Words.Platform(taken.Channel), taken.UserKey),
        IntakeSourceNotFound source => Plain(language, "没有接入源「{0}」。发送 /admin source list 查看。", "There is no intake source \"{0}\". Send /admin source list to see them.", source.Key),
        IntakeSourceExists source => Plain(language,
            "接入源 {0} 已经存在;要换密钥请用 /admin source secret {0}。",
            "Intake source {0} exists already; to give it a new secret, send /admin source secret {0}.",
            source.Key),
        NotFound missing => Plain(language, "没有{0}「{1}」。", "There is no {0} \"{1}\".", FieldName(missing.Kind, language), missing.Key),
        AlreadyExists exists => Plain(language, "{0}「{1}」已经存在。", "A {0} \"{1}\" exists already.", FieldName(exists.Kind, language), exists.Key),
        OwnPermissions => Plain(language,
            "修改自己的权限需要第二个人批准:请在命令末尾写上原因(如 reason=接管华南团队),我会发给你的主管或另一位管理员审批。",
            "Changing your own permissions needs a second person: end the command with a reason (e.g. reason=covering the south team) and I'll send it to your manager or another admin to approve."),
        UserNotFound user => Plain(language, "没有找到同事「{0}」。", "I don't know a colleague called \"{0}\".", user.Mention),
        DuplicatePhone duplicate => Plain(language,
            "这个电话已经在线索 {0}({1})里了,没有重复创建。",
            "That phone already belongs to lead {0} ({1}); I didn't create a second one.",
            duplicate.Existing.Number, duplicate.Existing.Name),
        InvalidValue { Field: "channel" } invalid when intent is AddIntakeSourceIntent => Plain(language,
            "「{0}」不是有效的渠道标签(小写字母、数字、- 或 _,如 web、douyin、ads、partner)。",
            "\"{0}\" is not a channel tag (lower-case letters, digits, - or _, such as web, douyin, ads, partner).",
            invalid.Given ?? string.Empty),
        InvalidValue invalid => Plain(language, "「{0}」不是有效的{1}。", "\"{0}\" is not a valid {1}.", invalid.Given ?? string.Empty, FieldName(invalid.Field, language)),
        MissingValue missing => Ask(missing.Field, intent, language),
        CannotUndo cannot => Plain(language, UndoReason(cannot.Reason).Zh, UndoReason(cannot.Reason).En),
        NoChange same when intent is AssignLeadIntent => Plain(language, "{0} 已经分配给他/她了,没有改动。", "{0} is already offered to them; nothing changed.", same.LeadNumber),
        NoChange same when intent is ClaimLeadIntent or TransferLeadIntent => Plain(language, "{0} 已经归他/她负责了,没有改动。", "{0} is already theirs; nothing changed.", same.LeadNumber),
        NoChange same => Plain(language, "{0} 已经是这样了,没有改动。", "{0} is already like that; nothing changed.", same.LeadNumber),
        AlreadyHandled => Plain(language, "这条消息已经处理过了,没有重复记录。", "That message was handled already; nothing was recorded twice."),
        JobNotFound job => Plain(language,
            "没有定时任务「{0}」。现有的任务:{1}。",
            "There is no scheduled job \"{0}\". The jobs are: {1}.",
            job.Name, string.Join(", ", job.Known)),
        JobAlreadyInState { Paused: true } job => Plain(language, "{0} 已经暂停了,没有改动。", "{0} is paused already; nothing changed.", job.Name),
        JobAlreadyInState job => Plain(language, "{0} 没有暂停,照常按计划运行。", "{0} isn't paused; it runs on its schedule.", job.Name),
        _ => Plain(language, "没能完成:{0}", "Couldn't do that: {0}", error.Code),
    };

    /// <summary>The question for a missing value; the answer is the next message in the chat.</summary>
    public static ChatReply Ask(string field, Intent intent, string language) => field switch
    {
        "name" => Plain(language, "客户叫什么名字?", "What is the customer's name?"),
        "to_user" when intent is AssignLeadIntent => Plain(language, "分配给谁?", "Offer it to whom?"),
        "to_user" => Plain(language, "转给谁?", "Transfer to whom?"),
        "lead" => Plain(language, "哪个线索?请说客户名、公司或编号。", "Which lead? Give a name, company or lead number."),
        "user" or "channel" or "external_id" when intent is LinkIdentityIntent or UnlinkIdentityIntent => Plain(language,
            "用法:/admin user link <用户> <teams|wecom> <账号ID>,或 /admin user unlink <用户> <teams|wecom>",
            "Usage: /admin user link <user> <teams|wecom> <account id>, or /admin user unlink <user> <teams|wecom>"),
        "key" or "channel" when intent is AddIntakeSourceIntent or RotateIntakeSecretIntent or SwitchIntakeSourceIntent => Plain(language,
            "用法:/admin source list · /admin source add <key> <渠道> [团队] · /admin source secret <key> · /admin source off|on <key>",
            "Usage: /admin source list · /admin source add <key> <channel> [team] · /admin source secret <key> · /admin source off|on <key>"),
        "job" => Plain(language,
            "用法:/admin job list · /admin job run <任务名> · /admin job pause <任务名> · /admin job resume <任务名>",
            "Usage: /admin job list · /admin job run <name> · /admin job pause <name> · /admin job resume <name>"),
        "message" => Plain(language, "重发哪条?请给出 /outbox 列出的编号。", "Which message? Give the id /outbox lists."),
        "amount" => Plain(language, "金额是多少?(例如 50万 或 $120k)", "What is it worth? (e.g. 500000 or $120k)"),
        "at" => Plain(language, "什么时候提醒你?(例如 明天上午10点)", "When should I remind you? (e.g. tomorrow at 10am)"),
        "stage" => new ChatReply(
            Say.In(language, "改到哪个阶段?", "Which stage?"),
            [],
            [.. Enum.GetValues<LeadStage>().Select(stage => ReplyWriter.Button(Words.Stage(stage, language), intent is SetStageIntent asked ? asked with { Stage = stage } : new SetStageIntent(null, stage), language))]),
        _ => Plain(language, "还需要:{0}", "I still need: {0}", field),
    };

    private static string Describe(LeadSummary lead) =>
        lead.Company is { } company ? $"{lead.Name} · {company} · {lead.Number}" : $"{lead.Name} · {lead.Number}";

    private static string FieldName(string field, string language) => field switch
    {
        "phone" => Say.In(language, "电话号码", "phone number"),
        "amount" => Say.In(language, "金额", "amount"),
        "at" => Say.In(language, "提醒时间(需要在将来)", "reminder time (it must be in the future)"),
        "next_at" => Say.In(language, "下次跟进日期", "next follow-up date"),
        "currency" => Say.In(language, "币种(CNY 或 USD)", "currency (CNY or USD)"),
        "message" => Say.In(language, "未送达消息编号(发送 /outbox 查看)", "unsent message id (send /outbox to see them)"),
        "channel" => Say.In(language, "平台(teams 或 wecom)", "platform (teams or wecom)"),
        "external_id" => Say.In(language, "账号 ID", "account id"),
        "key" => Say.In(language, "接入源 key(小写字母、数字、- 或 _,最多 40 个)", "source key (lower-case letters, digits, - or _, at most 40)"),
        "team" => Say.In(language, "团队", "team"),
        "position" => Say.In(language, "职位(发送 /admin position list 查看)", "position (send /admin position list to see them)"),
        "permission" => Say.In(language, "权限(view、edit、claim、transfer、delete、export、phone、signed_amount、reports、admin)", "permission (view, edit, claim, transfer, delete, export, phone, signed_amount, reports, admin)"),
        "scope" => Say.In(language, "范围(none、own、team、region、all)", "scope (none, own, team, region, all)"),
        "login" => Say.In(language, "登录名(字母、数字、. - _)", "login (letters, digits, . - _)"),
        "region" => Say.In(language, "区域代号(字母、数字、. - _)", "region key (letters, digits, . - _)"),
        "manager" => Say.In(language, "主管", "manager"),
        "name" => Say.In(language, "名称(最多 60 个字)", "name (at most 60 characters)"),
        "user" => Say.In(language, "用户", "user"),
        _ => field,
    };

    private static (string Zh, string En) UndoReason(string reason) => reason switch
    {
        "expired" => ("超过 10 分钟了,不能再撤销。", "It's been more than 10 minutes; that can't be undone any more."),
        "already" => ("这条已经撤销过了。", "That was undone already."),
        "changed" => ("这个线索之后又有改动,不能直接撤销。", "The lead has changed since, so I can't undo that safely."),
        _ => ("最近没有可以撤销的操作。", "There's nothing recent to undo."),
    };

    private static ChatReply Plain(string language, string zh, string en, params object?[] args) =>
        ChatReply.Plain(Say.In(language, zh, en, args));
}
