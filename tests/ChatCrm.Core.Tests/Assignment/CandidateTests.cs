using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>Who the engine offers a lead to: in turn or by load, within capacity, and never someone who may not claim it.</summary>
public sealed class CandidateTests : IDisposable
{
    private static readonly User Dan = new("dan", "Dan", Role.Salesperson, "east", []);
    private static readonly User Erin = new("erin", "Erin", Role.Salesperson, "east", []);

    private readonly AssignmentDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    private static AssignmentRule EastRule(AssignmentStrategy strategy = AssignmentStrategy.RoundRobin, int capacity = AssignmentRule.DefaultCapacity) =>
        new("east-all", 1, [], [], [], [], "east", strategy, capacity);

    [Fact]
    public async Task Round_robin_over_1000_leads_gives_each_salesperson_a_share_within_one()
    {
        await _desk.AddUsersAsync(Dan, Erin);
        await _desk.UseRulesAsync(EastRule(capacity: 1000));
        await _desk.IntakeManyAsync(1000);

        var moves = await _desk.RunAsync();

        var shares = moves.Where(move => move.Kind == AssignmentMoveKind.Offered).GroupBy(move => move.UserKey!).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(["alice", "bob", "dan", "erin"], shares.Keys.Order());
        Assert.Equal(1000, shares.Values.Sum());
        Assert.True(shares.Values.Max() - shares.Values.Min() <= 1, string.Join(", ", shares));
    }

    [Fact]
    public async Task Round_robin_takes_turns_in_key_order_and_remembers_its_place_in_the_store()
    {
        await _desk.UseRulesAsync(EastRule());
        await _desk.IntakeAsync("甲");
        await _desk.RunAsync();
        await _desk.IntakeAsync("乙");
        await _desk.IntakeAsync("丙");

        var moves = await _desk.RunAsync();

        Assert.Equal(["bob", "alice"], moves.Select(move => move.UserKey));
    }

    [Fact]
    public async Task Least_loaded_offers_whoever_holds_fewest_open_leads_and_breaks_ties_in_turn()
    {
        await _desk.UseRulesAsync(EastRule(AssignmentStrategy.LeastLoaded));
        foreach (var (name, owner) in new[] { ("a1", Alice), ("a2", Alice), ("a3", Alice), ("b1", Bob) })
        {
            var number = await _desk.World.PoolLeadAsync(name, "east");
            await _desk.Claim.HandleAsync(As(owner), number, default);
        }

        await _desk.IntakeAsync("甲");
        await _desk.IntakeAsync("乙");
        await _desk.IntakeAsync("丙");
        var moves = await _desk.RunAsync();

        Assert.Equal(["bob", "bob", "alice"], moves.Select(move => move.UserKey));
    }

    [Fact]
    public async Task A_salesperson_at_capacity_is_skipped_with_the_reason_kept()
    {
        await _desk.UseRulesAsync(EastRule(capacity: 2));
        await _desk.World.PoolLeadAsync("已分配1", "east", offeredTo: Alice);
        await _desk.World.PoolLeadAsync("已分配2", "east", offeredTo: Alice);

        var number = await _desk.IntakeAsync("甲");
        await _desk.RunAsync();

        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal("bob", assignment.PendingOffer!.UserKey);
        Assert.Contains(new CandidateCheck("alice", CandidateVerdict.AtCapacity, "2/2"), assignment.Candidates);
    }

    [Fact]
    public async Task Managers_admins_and_other_teams_are_never_offered_a_lead()
    {
        var eastAdmin = new User("eve", "Eve", Role.Admin, "east", []);
        await _desk.AddUsersAsync(eastAdmin);
        await _desk.UseRulesAsync(EastRule(capacity: 100));
        await _desk.IntakeManyAsync(12);

        var moves = await _desk.RunAsync();

        Assert.All(moves, move => Assert.Contains(move.UserKey, new[] { "alice", "bob" }));
        Assert.Empty(await _desk.NoticesAsync("wang", Notices.LeadOffered));
        Assert.Empty(await _desk.NoticesAsync("eve", Notices.LeadOffered));
        Assert.Empty(await _desk.NoticesAsync("carol", Notices.LeadOffered));
        var checks = (await _desk.AssignmentAsync(moves[0].LeadNumber)).Candidates;
        Assert.Contains(new CandidateCheck("wang", CandidateVerdict.NoClaimPermission, "sales_manager"), checks);
        Assert.Contains(new CandidateCheck("eve", CandidateVerdict.NoClaimPermission, "admin"), checks);
        Assert.DoesNotContain(checks, check => check.UserKey == "carol");
    }

    [Fact]
    public async Task Rules_are_tried_in_order_on_source_region_industry_and_tags_and_route_the_lead_to_their_team()
    {
        await _desk.UseRulesAsync(
            new AssignmentRule("douyin-vip-sz", 1, ["douyin"], ["深圳"], ["汽车"], ["vip"], "south", AssignmentStrategy.RoundRobin),
            new AssignmentRule("douyin", 2, ["douyin"], [], [], [], "east", AssignmentStrategy.RoundRobin));

        var south = await _desk.IntakeAsync("甲", team: "east", source: "douyin", tags: ["VIP", "spring"], region: "深圳", industry: "汽车");
        var east = await _desk.IntakeAsync("乙", team: "east", source: "douyin", tags: ["spring"], region: "深圳", industry: "汽车");
        var fallback = await _desk.IntakeAsync("丙", team: "east", source: "webform");
        await _desk.RunAsync();

        Assert.Equal(("douyin-vip-sz", "carol", "south"), await RuleAndPerson(south));
        Assert.Equal(("douyin", "alice", "east"), await RuleAndPerson(east));
        // Each rule keeps its own turn.
        Assert.Equal((AssignmentRule.DefaultKey, "alice", "east"), await RuleAndPerson(fallback));
    }

    [Fact]
    public async Task The_default_rule_sends_a_lead_without_a_team_to_the_only_team_there_is_or_escalates_to_the_admins()
    {
        var number = await _desk.IntakeAsync("甲", team: null);

        await _desk.RunAsync();

        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal((AssignmentState.Escalated, EscalationReason.NoTeam), (assignment.State, assignment.Escalation));
        var notice = Assert.Single(await _desk.NoticesAsync("admin", Notices.AssignmentEscalated));
        Assert.Equal("NoTeam", notice.Args["reason"]);
    }

    private async Task<(string Rule, string? Person, string? Team)> RuleAndPerson(string number)
    {
        var assignment = await _desk.AssignmentAsync(number);
        return (assignment.RuleKey, assignment.PendingOffer?.UserKey, (await _desk.LeadAsync(number)).TeamKey);
    }
}
