using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>What admins read back from /admin position|user|team, and what a reveal shows.</summary>
public sealed class AccessReplies(ApprovalCards approvalCards)
{
    public ChatReply Positions(IReadOnlyList<PositionView> positions, string language) =>
        new(
            Say.In(language, "职位和权限(范围:own 本人 · team 本团队 · region 本区域 · all 全部):", "Positions and what they grant (scopes: own · team · region · all):"),
            [.. positions.Select(view => new ReplyFact(Label(view, language), Grants(view.Position, language)))],
            [.. positions.Take(6).Select(view => ReplyWriter.Button(Say.In(language, "查看 {0}", "Show {0}", view.Position.Key), new ShowPositionIntent(view.Position.Key), language))]);

    public ChatReply Position(PositionView view, string language)
    {
        var facts = new List<ReplyFact>
        {
            new(Say.In(language, "权限", "Grants"), Grants(view.Position, language)),
            new(Say.In(language, "在职人数", "Held by"), view.Holders.Count == 0 ? Say.In(language, "无人", "nobody") : string.Join(", ", view.Holders)),
        };
        if (view.ChangedFromDefault)
        {
            facts.Add(new(Say.In(language, "说明", "Note"), Say.In(language, "已被管理员改过,与出厂设置不同", "changed by an admin from the shipped default")));
        }

        return new ChatReply(Label(view, language), facts, []);
    }

    public ChatReply Users(IReadOnlyList<UserView> users, string language) =>
        new(
            Say.In(language, "共 {0} 位用户:", "{0} users:", users.Count),
            [.. users.Select(view => new ReplyFact(
                $"{view.User.Key} · {view.User.DisplayName}",
                string.Join(" · ", Where(view, language))))],
            []);

    public ChatReply User(UserView view, string language)
    {
        var facts = new List<ReplyFact>
        {
            new(Say.In(language, "职位", "Position"), $"{view.Position.Name} ({view.Position.Key})"),
            new(Say.In(language, "团队", "Team"), view.TeamName ?? Say.In(language, "无", "none")),
            new(Say.In(language, "区域", "Region"), view.Region ?? Say.In(language, "无", "none")),
            new(Say.In(language, "实际权限", "Can"), view.Effective.Count == 0 ? Say.In(language, "无", "nothing") : Core.Access.Position.DescribeGrants(view.Effective)),
        };
        if (view.User.Grants is { Count: > 0 } own)
        {
            facts.Add(new(Say.In(language, "个人调整", "Own grants"), Core.Access.Position.DescribeGrants(own)));
        }

        if (!view.User.IsActive)
        {
            facts.Add(new(Say.In(language, "状态", "Status"), Say.In(language, "已停用", "deactivated")));
        }

        return new ChatReply($"{view.User.Key} · {view.User.DisplayName}", facts, []);
    }

    public ChatReply Teams(IReadOnlyList<TeamView> teams, string language) =>
        teams.Count == 0
            ? ChatReply.Plain(Say.In(language, "还没有团队。用 /admin team add <代号> <主管> region=<区域> <名称> 添加。", "No teams yet. Add one with /admin team add <key> <manager> region=<region> <name>."))
            : new(
                Say.In(language, "团队:", "Teams:"),
                [.. teams.Select(view => new ReplyFact(
                    $"{view.Team.Key} · {view.Team.Name}",
                    Say.In(language, "主管 {0} · 区域 {1} · {2} 人", "manager {0} · region {1} · {2} people", view.ManagerName, view.Team.RegionKey ?? "-", view.Members)))],
                []);

    public ChatReply Changed(AccessChanged changed, string language) =>
        changed.Approval is { } opened ? approvalCards.Opened(opened, language) : new(
            changed.Before is null
                ? Say.In(language, "已添加 {0}(已记入审计)。", "Added {0} (audited).", changed.Subject)
                : Say.In(language, "已修改 {0}(已记入审计)。", "Changed {0} (audited).", changed.Subject),
            changed.Before is null
                ? [new(Say.In(language, "现在", "Now"), changed.After)]
                : [new(Say.In(language, "之前", "Before"), changed.Before), new(Say.In(language, "之后", "After"), changed.After)],
            []);

    /// <summary>The full contact, only to the person who asked; the reveal itself is already audited.</summary>
    public ChatReply Revealed(RevealedContact contact, string language)
    {
        var facts = new List<ReplyFact>();
        if (contact.Phone is { } phone)
        {
            facts.Add(new(Say.In(language, "电话", "Phone"), phone.E164));
        }

        if (contact.Email is { } email)
        {
            facts.Add(new(Say.In(language, "邮箱", "Email"), email.Address));
        }

        return facts.Count == 0
            ? ChatReply.Plain(Say.In(language, "{0} {1} 没有电话或邮箱。", "{0} {1} has no phone or email.", contact.LeadNumber, contact.Name))
            : new ChatReply(Say.In(language, "{0} {1} 的联系方式(本次查看已记入审计):", "Contact details of {0} {1} (this view is audited):", contact.LeadNumber, contact.Name), facts, []);
    }

    /// <summary>The monthly permission health report, one fact per finding, "none" where all is well.</summary>
    public static ChatReply Health(Core.Notifications.Notice notice, string language)
    {
        string Arg(string key) => notice.Args.GetValueOrDefault(key) ?? string.Empty;
        string OrNone(string text) => text.Length == 0 ? Say.In(language, "无", "none") : text;
        return new ChatReply(
            Say.In(language, "🔐 {0} 权限健康报告", "🔐 Permission health report for {0}", Arg("month")),
            [
                new(Say.In(language, "超出职位默认的权限", "Grants beyond the position"), OrNone(Arg("beyond"))),
                new(Say.In(language, "90 天未用的高权限", "High privileges unused for 90 days"), OrNone(Arg("unused"))),
                new(Say.In(language, "30 天未活动的账号", "Accounts idle for 30 days"), OrNone(Arg("inactive"))),
                new(Say.In(language, "本月导出({0} 次)", "Exports of the month ({0})", Arg("export_count")), OrNone(Arg("exports"))),
                new(Say.In(language, "审计链尾(请留存,日后核对)", "Audit chain head (keep it to compare later)"), OrNone(Arg("audit_head"))),
            ],
            [ReplyWriter.Button(Say.In(language, "查看用户", "Users"), new ListUsersIntent(), language)]);
    }

    private static string Label(PositionView view, string language) =>
        $"{view.Position.Key} · {view.Position.Name}" + (view.ChangedFromDefault ? Say.In(language, "(已修改)", " (changed)") : string.Empty);

    private static string Grants(Position position, string language) =>
        position.Grants.Count == 0 ? Say.In(language, "无权限", "grants nothing") : position.Describe();

    private static IEnumerable<string> Where(UserView view, string language)
    {
        yield return view.Position.Key;
        yield return view.User.TeamKey ?? Say.In(language, "无团队", "no team");
        if (view.Region is { } region)
        {
            yield return region;
        }

        if (view.User.Grants is { Count: > 0 })
        {
            yield return Say.In(language, "有个人调整", "own grants");
        }

        if (!view.User.IsActive)
        {
            yield return Say.In(language, "已停用", "deactivated");
        }
    }
}
