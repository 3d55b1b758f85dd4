using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;

namespace ChatCrm.Demo;

/// <summary>
/// The organisation a new install starts with, so the product can be tried at once: two teams,
/// their managers and salespeople, an admin, and about twenty leads across stages and owners,
/// some never followed up and some gone stale.
/// </summary>
public static class DemoOrganisation
{
    public static readonly IReadOnlyList<Team> Teams =
    [
        new("east", "华东 East", "wang", "east-china"),
        new("south", "华南 South", "chen", "south-china"),
    ];

    /// <summary>
    /// Each demo user is linked to a fixed Teams object id (alice's is the one in the shared Teams
    /// fixtures) and to a WeCom userid equal to their key.
    /// </summary>
    public static readonly IReadOnlyList<User> Users =
    [
        Person("admin", "Admin 管理员", Role.Admin, null, ["管理员"], "zh", "00000000-0000-0000-0000-00000000ad01"),
        Person("wang", "王经理 Wang", Role.Manager, "east", ["王经理", "Wang"], "zh", "00000000-0000-0000-0000-000000000a01"),
        Person("chen", "陈经理 Chen", Role.Manager, "south", ["陈经理", "Chen"], "zh", "00000000-0000-0000-0000-000000000c01"),
        Person("alice", "Alice 李爱丽", Role.Salesperson, "east", ["Alice", "李爱丽", "爱丽丝"], "en", "00000000-0000-0000-0000-0000000a11ce"),
        Person("bob", "Bob 鲍勃", Role.Salesperson, "east", ["Bob", "鲍勃"], "en", "00000000-0000-0000-0000-000000000b0b"),
        Person("carol", "Carol 卡罗", Role.Salesperson, "south", ["Carol", "卡罗"], "zh", "00000000-0000-0000-0000-0000000ca201"),
        Person("dave", "Dave 戴维", Role.Salesperson, "south", ["Dave", "戴维"], "zh", "00000000-0000-0000-0000-00000000da7e"),
    ];

    private static User Person(string key, string name, Role role, string? team, string[] aliases, string language, string teamsObjectId) =>
        new(key, name, role, team, aliases, language, [new ChannelIdentity("teams", teamsObjectId), new ChannelIdentity("wecom", key)]);

    private sealed record Seed(
        string Name, string Phone, string Company, string Industry, LeadStage Stage, string? Owner, string Team,
        int CreatedDaysAgo, int? LastFollowUpDaysAgo, int? NextFollowUpInDays, ContactChannel Channel = ContactChannel.Call, string? OfferedTo = null);

    // Days are relative to the moment of seeding, so "stale" and "due today" make sense on any date.
    private static readonly Seed[] Leads =
    [
        new("王总", "13800138001", "华为", "通信", LeadStage.Proposal, "alice", "east", 20, 2, 0),
        new("李经理", "13800138002", "阿里巴巴", "电商", LeadStage.Qualified, "alice", "east", 15, 9, null, ContactChannel.Visit),
        new("张伟", "13800138003", "字节跳动", "互联网", LeadStage.Contacted, "alice", "east", 12, 1, 2, ContactChannel.WeChat),
        new("John Smith", "+14155550123", "Acme Corp", "manufacturing", LeadStage.Negotiation, "alice", "east", 30, 3, 5, ContactChannel.Meeting),
        new("刘女士", "13800138005", "美团", "本地生活", LeadStage.New, "alice", "east", 10, null, null),
        new("Sarah Lee", "+14155550166", "Globex", "software", LeadStage.Proposal, "bob", "east", 25, 12, null, ContactChannel.Email),
        new("王总", "13800138007", "腾讯", "互联网", LeadStage.Qualified, "bob", "east", 8, 4, 0),
        new("孙经理", "13800138008", "京东", "电商", LeadStage.New, "bob", "east", 9, null, null),
        new("赵总", "13800138009", "小米", "消费电子", LeadStage.Won, "bob", "east", 40, 6, null, ContactChannel.Meeting),
        new("王总", "13800138010", "网易", "游戏", LeadStage.New, null, "east", 2, null, null),
        new("周经理", "13800138011", "携程", "旅游", LeadStage.New, null, "east", 1, null, null, OfferedTo: "alice"),
        new("陈总", "13800138012", "比亚迪", "汽车", LeadStage.Negotiation, "carol", "south", 22, 1, 1, ContactChannel.Visit),
        new("林总", "13800138013", "大疆", "硬件", LeadStage.Proposal, "carol", "south", 18, 10, null),
        new("黄女士", "13800138014", "顺丰", "物流", LeadStage.Contacted, "carol", "south", 14, 8, null, ContactChannel.WeChat),
        new("Mike Chen", "+14155550177", "Initech", "software", LeadStage.Lost, "carol", "south", 35, 20, null, ContactChannel.Email),
        new("郭总", "13800138016", "格力", "家电", LeadStage.Qualified, "dave", "south", 16, 3, 0),
        new("何经理", "13800138017", "美的", "家电", LeadStage.New, "dave", "south", 11, null, null),
        new("高总", "13800138018", "华润", "零售", LeadStage.Contacted, "dave", "south", 13, 7, 3, ContactChannel.Call),
        new("吴先生", "13800138019", "腾讯云", "云计算", LeadStage.New, null, "south", 3, null, null),
        new("Li Na", "13800138020", "OPPO", "消费电子", LeadStage.New, null, "south", 0, null, null),
    ];

    /// <summary>Seeds the demo organisation when the store has no users; returns whether it did.</summary>
    public static Task<bool> SeedIfEmptyAsync(ICrmStore store, TimeProvider clock, CrmSettings settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.People.AllUsers().Count > 0)
            {
                return false;
            }

            foreach (var team in Teams)
            {
                session.People.Save(team);
            }

            foreach (var user in Users)
            {
                session.People.Save(user);
            }

            var system = new Actor(Users[0], "demo", null);
            foreach (var seed in Leads)
            {
                SeedLead(session, seed, system, now, settings);
            }

            return true;
        }, cancellationToken);
    }

    private static void SeedLead(ICrmSession session, Seed seed, Actor system, DateTimeOffset now, CrmSettings settings)
    {
        var createdAt = now.AddDays(-seed.CreatedDaysAgo).AddHours(-1);
        var day = DateOnly.FromDateTime(settings.LocalNow(createdAt).DateTime);
        var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
        var owner = seed.Owner is null ? null : Users.Single(user => user.Key == seed.Owner);
        var lead = Lead.Create(number, seed.Name, Phone.TryParse(seed.Phone), seed.Company, seed.Industry, seed.Stage, owner, seed.Team, "demo", system.Key, createdAt);
        if (seed.OfferedTo is { } offeredTo)
        {
            lead.OfferTo(Users.Single(user => user.Key == offeredTo), createdAt);
        }

        if (seed.LastFollowUpDaysAgo is { } daysAgo)
        {
            var at = now.AddDays(-daysAgo).AddHours(-2);
            DateTimeOffset? next = seed.NextFollowUpInDays is { } inDays ? settings.StartOf(DateOnly.FromDateTime(settings.LocalNow(now).DateTime).AddDays(inDays)) : null;
            session.FollowUps.Insert(new FollowUp(Guid.CreateVersion7(at), number, seed.Owner ?? system.Key, seed.Channel, null, $"{seed.Company} {seed.Name}: 初次沟通", at, next, null));
            lead.RecordFollowUp(at, next, at);
            if (seed.Stage != LeadStage.New)
            {
                lead.MoveTo(seed.Stage, at);
            }
        }

        session.Leads.Insert(lead);
        session.Audit.Append(AuditTrail.Entry(system, "demo.seed", now, number, null, lead.ToSnapshot()));
    }
}
