using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.Rendering;

/// <summary>What the bot can do, with examples a salesperson can copy.</summary>
public static class HelpReply
{
    public static ChatReply For(string language) => new(
        Say.In(language,
            "我是 ChatCrm,用一句话就能维护客户。比如:",
            "I'm ChatCrm: keep your CRM by typing a sentence. For example:"),
        language == "zh"
            ?
            [
                new("记跟进", "今天给王总打了电话,他很感兴趣,下周三再跟进"),
                new("新建线索", "新建线索:张伟,13800138000,华为,通信行业"),
                new("关联聊天", "/link L-20261118-0007 或 把这个聊天关联到张伟"),
                new("认领/退回/转交", "认领 · 这个客户退回公海 · 把张伟转给bob"),
                new("阶段/金额", "华为这单进入商务谈判 · 金额改成50万"),
                new("提醒", "明天上午9点提醒我给王总打电话"),
                new("查询", "我的线索 · 超过7天没跟进的 · 待认领 · 今天要跟进哪些"),
                new("撤销", "每次改动都有「撤销」按钮,10 分钟内有效,也可以说「撤销」"),
                new("我的提醒", "/reminders · 提醒卡片上的「完成」「1小时后」「明天9点」按钮 · /reminder done <编号> · /reminder snooze <编号> 1h|tomorrow"),
                new("免打扰", "/quiet 查看 · /quiet 22:00-07:30 设置 · /quiet off 关闭(默认 21:00–08:00,不急的通知留到结束再发)"),
                new("定时任务(管理员)", "/admin job list · /admin job run <任务名> · /admin job pause|resume <任务名>"),
                new("完整号码", "/phone <线索> 查看完整电话和邮箱(需要权限,每次查看都记入审计;平时显示为 138****8000)"),
                new("权限(管理员)", "/admin position list|show|add|grant|revoke · /admin user list|show|add|position|team|region|grant · /admin team list|add|region|manager"),
                new("需审批的操作", "/delete <线索> <原因> · /bulk transfer|return|delete … · /export [mine|team|all] [phones] · 先输入卡片上的确认码 /confirm 123456;审批人用 /approvals 查看"),
                new("回收站(管理员)", "/admin bin · /admin restore <线索编号|审批编号> · /admin purge <线索编号> <原因>"),
                new("离职停用(管理员)", "/admin deactivate <用户> [manager|pool] · /admin reactivate <用户>"),
                new("合作方密钥(管理员)", "/admin partner key add <用户> <范围…> · /admin partner key list · /admin partner key revoke <编号>"),
                new("客户近况", "王总那边最近怎么样 · 总结一下华为 · /summary <线索>"),
                new("报表", "本月新增线索 · 上个月赢单率 · 本周东区转化率 · /report win_rate last-month team=east · /metrics 查看指标定义"),
                new("测试数据(管理员)", "/admin exclude <线索> test|demo|internal · /admin exclude <线索> off"),
                new("报表重算(管理员)", "/admin recount"),
            ]
            :
            [
                new("Log a follow-up", "Called John at Acme, very interested, follow up next Tuesday"),
                new("New lead", "new lead: John Smith, Acme Corp, +1 415 555 0123, manufacturing"),
                new("Link this chat", "/link L-20261118-0007 or link this chat to Acme"),
                new("Claim/return/transfer", "/claim · release this lead back to the pool · transfer Acme to Bob"),
                new("Stage/amount", "move Acme to proposal · Acme deal is worth $120k"),
                new("Reminder", "remind me tomorrow at 10am to call Sarah"),
                new("Lists", "my leads · stale leads · show unclaimed leads · today's follow-ups"),
                new("Undo", "every change has an Undo button for 10 minutes; or type \"undo\""),
                new("My reminders", "/reminders · the Done, In 1 hour and Tomorrow (9:00) buttons on a reminder · /reminder done <id> · /reminder snooze <id> 1h|tomorrow"),
                new("Quiet hours", "/quiet to see · /quiet 22:00-07:30 to set · /quiet off (default 21:00–08:00; notices that can wait are held until they end)"),
                new("Scheduled jobs (admins)", "/admin job list · /admin job run <name> · /admin job pause|resume <name>"),
                new("Full phone", "/phone <lead> shows the full phone and email (if your position allows; every view is audited; otherwise shown as 138****8000)"),
                new("Permissions (admins)", "/admin position list|show|add|grant|revoke · /admin user list|show|add|position|team|region|grant · /admin team list|add|region|manager"),
                new("Needs approval", "/delete <lead> <reason> · /bulk transfer|return|delete … · /export [mine|team|all] [phones] · confirm with the card's code: /confirm 123456; approvers see /approvals"),
                new("Recycle bin (admins)", "/admin bin · /admin restore <lead number|request number> · /admin purge <lead number> <reason>"),
                new("Offboarding (admins)", "/admin deactivate <user> [manager|pool] · /admin reactivate <user>"),
                new("Partner keys (admins)", "/admin partner key add <user> <scope…> · /admin partner key list · /admin partner key revoke <id>"),
                new("Where a lead stands", "how is Acme going · summarise Acme · /summary <lead>"),
                new("Reports", "new leads this month · win rate last month · pipeline by stage · /report win_rate last-month team=east · /metrics for the definitions"),
                new("Test data (admins)", "/admin exclude <lead> test|demo|internal · /admin exclude <lead> off"),
                new("Report recount (admins)", "/admin recount"),
            ],
        [
            ReplyWriter.Button(Say.In(language, "我的线索", "My leads"), new Language.QueryLeadsIntent(Language.LeadFilter.Mine), language),
            ReplyWriter.Button(Say.In(language, "待认领", "Unclaimed"), new Language.QueryLeadsIntent(Language.LeadFilter.Unclaimed), language),
            ReplyWriter.Button(Say.In(language, "今天跟进", "Due today"), new Language.QueryLeadsIntent(Language.LeadFilter.Today), language),
        ]);
}
