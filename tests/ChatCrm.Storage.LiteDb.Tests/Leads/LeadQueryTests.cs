using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

public sealed class LeadQueryTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public LeadQueryTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Owner_condition_lists_only_that_owners_open_leads()
    {
        await Store(TestLeads.Create("L-1"), TestLeads.Create("L-2", owner: TestLeads.Bob), TestLeads.Closed("L-3"));

        Assert.Equal(["L-1"], await List(new LeadQuery { OwnerKey = "alice" }));
    }

    [Fact]
    public async Task Created_within_lists_the_leads_created_in_the_window_open_or_closed_and_counts_them()
    {
        await Store(
            TestLeads.Create("L-1", createdAt: Now.AddDays(-3)),
            TestLeads.Create("L-2", createdAt: Now.AddDays(-1), owner: TestLeads.Bob),
            TestLeads.Create("L-3", createdAt: Now.AddDays(-1), stage: LeadStage.Won),
            TestLeads.Create("L-4", createdAt: Now));
        var window = (Now.AddDays(-2), Now);

        Assert.Equal(["L-2", "L-3"], (await List(new LeadQuery { CreatedWithin = window, IncludeClosed = true, Limit = 100 })).Order());
        Assert.Equal(["L-3"], await List(new LeadQuery { CreatedWithin = window, IncludeClosed = true, TeamKey = "east", Limit = 100 }));
        Assert.Equal(["L-2"], await List(new LeadQuery { CreatedWithin = window, Limit = 100 }));
        Assert.Equal(2, await _store.ReadAsync(session => session.Leads.Count(new LeadQuery { CreatedWithin = window, IncludeClosed = true }), default));
    }

    [Fact]
    public async Task Unowned_lists_the_pool_and_leads_offered_but_not_claimed()
    {
        var offered = TestLeads.Create("L-2", inPool: true);
        offered.OfferTo(TestLeads.Bob, Now);
        await Store(TestLeads.Create("L-1", inPool: true), offered, TestLeads.Create("L-3"));

        Assert.Equal(["L-1", "L-2"], (await List(new LeadQuery { Unowned = true })).Order());
    }

    [Fact]
    public async Task Team_condition_lists_the_teams_leads()
    {
        await Store(TestLeads.Create("L-1"), TestLeads.Create("L-2", owner: TestLeads.Bob), TestLeads.Create("L-3", inPool: true));

        Assert.Equal(["L-1"], await List(new LeadQuery { TeamKey = "east" }));
    }

    [Fact]
    public async Task Assignee_condition_lists_the_leads_offered_to_the_person()
    {
        var offered = TestLeads.Create("L-1", inPool: true);
        offered.OfferTo(TestLeads.Bob, Now);
        await Store(offered, TestLeads.Create("L-2", inPool: true), TestLeads.Create("L-3", owner: TestLeads.Bob));

        Assert.Equal(["L-1"], await List(new LeadQuery { AssigneeKey = "bob" }));
    }

    [Fact]
    public async Task Last_activity_is_the_last_follow_up_else_the_creation_and_must_be_strictly_before()
    {
        var cutoff = Now.AddDays(-7);
        await Store(
            TestLeads.Create("L-1", createdAt: Now.AddDays(-10)),
            Lead("L-2", createdAt: Now.AddDays(-30), followedUpAt: Now.AddDays(-1)),
            TestLeads.Create("L-3", createdAt: Now.AddDays(-2)),
            TestLeads.Create("L-4", createdAt: cutoff),
            Lead("L-5", createdAt: Now.AddDays(-30), followedUpAt: Now.AddDays(-8)));

        Assert.Equal(["L-1", "L-5"], (await List(new LeadQuery { LastActivityBefore = cutoff })).Order());
    }

    [Fact]
    public async Task Next_follow_up_window_includes_its_start_and_excludes_its_end()
    {
        var (from, to) = (Now.Date.AddDays(1), Now.Date.AddDays(2));
        await Store(
            Lead("L-1", followedUpAt: Now.AddDays(-1), nextAt: from),
            Lead("L-2", followedUpAt: Now.AddDays(-1), nextAt: to),
            Lead("L-3", followedUpAt: Now.AddDays(-1), nextAt: from.AddHours(5)),
            Lead("L-4", followedUpAt: Now.AddDays(-1)),
            Lead("L-5", followedUpAt: Now.AddDays(-1), nextAt: from.AddTicks(-1)));

        Assert.Equal(["L-1", "L-3"], (await List(new LeadQuery { NextFollowUpWithin = (from, to) })).Order());
    }

    [Fact]
    public async Task A_window_given_in_another_offset_means_the_same_instants()
    {
        var nextAt = new DateTimeOffset(2026, 11, 19, 1, 0, 0, TimeSpan.FromHours(8)); // 17:00 UTC the day before
        await Store(Lead("L-1", followedUpAt: Now.AddDays(-1), nextAt: nextAt));
        var utcWindow = (new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 18, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(["L-1"], await List(new LeadQuery { NextFollowUpWithin = utcWindow }));
    }

    [Fact]
    public async Task A_window_that_ends_where_it_starts_lists_and_counts_nothing()
    {
        await Store(Lead("L-1", followedUpAt: Now.AddDays(-1), nextAt: Now));
        var empty = new LeadQuery { NextFollowUpWithin = (Now, Now) };

        Assert.Empty(await List(empty));
        Assert.Equal(0, await _store.Read(session => session.Leads.Count(empty)));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("unowned")]
    [InlineData("team")]
    [InlineData("stale")]
    [InlineData("window")]
    [InlineData("no condition")]
    public async Task Closed_leads_are_left_out_unless_asked_for(string condition)
    {
        var inPool = condition == "unowned";
        var won = Lead("L-won", followedUpAt: Now.AddDays(-10), nextAt: Now.AddDays(1), inPool: inPool);
        won.MoveTo(LeadStage.Won, Now.AddDays(-9));
        var lost = Lead("L-lost", followedUpAt: Now.AddDays(-10), nextAt: Now.AddDays(1), inPool: inPool);
        lost.MoveTo(LeadStage.Lost, Now.AddDays(-9));
        await Store(won, lost, Lead("L-open", followedUpAt: Now.AddDays(-10), nextAt: Now.AddDays(1), inPool: inPool));
        var query = QueryWith(condition);
        var withClosed = query with { IncludeClosed = true };

        Assert.Equal(["L-open"], await List(query));
        Assert.Equal(1, await _store.Read(session => session.Leads.Count(query)));
        Assert.Equal(["L-lost", "L-open", "L-won"], (await List(withClosed)).Order());
        Assert.Equal(3, await _store.Read(session => session.Leads.Count(withClosed)));
    }

    [Fact]
    public async Task A_lead_leaves_its_owners_open_list_when_won_and_the_pool_when_claimed()
    {
        var won = TestLeads.Create("L-1");
        var claimed = TestLeads.Create("L-2", inPool: true);
        await Store(won, claimed);
        won.MoveTo(LeadStage.Won, Now);
        claimed.Claim(TestLeads.Bob, Now);

        await _store.Write(session =>
        {
            session.Leads.Update(won);
            session.Leads.Update(claimed);
        });

        Assert.Empty(await List(new LeadQuery { OwnerKey = "alice" }));
        Assert.Empty(await List(new LeadQuery { Unowned = true }));
        Assert.Equal(["L-2"], await List(new LeadQuery { OwnerKey = "bob" }));
    }

    [Fact]
    public async Task Every_given_condition_must_hold()
    {
        var window = (Now, Now.AddDays(2));
        await Store(
            Lead("L-1", followedUpAt: Now.AddDays(-10), nextAt: Now.AddDays(1)),
            Lead("L-2", followedUpAt: Now.AddDays(-10)),
            Lead("L-3", followedUpAt: Now.AddDays(-1), nextAt: Now.AddDays(1)),
            Lead("L-4", followedUpAt: Now.AddDays(-10), nextAt: Now.AddDays(1), owner: TestLeads.Bob));

        var listed = await List(new LeadQuery { OwnerKey = "alice", LastActivityBefore = Now.AddDays(-7), NextFollowUpWithin = window });

        Assert.Equal(["L-1"], listed);
    }

    [Theory]
    [InlineData(LeadOrder.LastActivityOldestFirst, "no condition", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.LastActivityOldestFirst, "owner", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.LastActivityOldestFirst, "team", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.LastActivityOldestFirst, "before now", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.NextFollowUpSoonestFirst, "no condition", new[] { "B", "A", "C" })]
    [InlineData(LeadOrder.NextFollowUpSoonestFirst, "owner", new[] { "B", "A", "C" })]
    [InlineData(LeadOrder.NextFollowUpSoonestFirst, "before now", new[] { "B", "A", "C" })]
    [InlineData(LeadOrder.NextFollowUpSoonestFirst, "window", new[] { "B", "A" })]
    [InlineData(LeadOrder.NewestFirst, "no condition", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.NewestFirst, "owner", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.NewestFirst, "team", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.NextFollowUpSoonestFirst, "team", new[] { "B", "A", "C" })]
    [InlineData(LeadOrder.NewestFirst, "before now", new[] { "C", "B", "A" })]
    [InlineData(LeadOrder.LastActivityOldestFirst, "window", new[] { "B", "A" })]
    public async Task Leads_come_in_the_asked_order_whatever_the_condition(LeadOrder order, string condition, string[] expected)
    {
        await Store(
            Lead("A", createdAt: Now.AddDays(-30), followedUpAt: Now.AddDays(-5), nextAt: Now.AddDays(3)),
            Lead("B", createdAt: Now.AddDays(-20), followedUpAt: Now.AddDays(-9), nextAt: Now.AddDays(1)),
            TestLeads.Create("C", createdAt: Now.AddDays(-10)));
        var query = QueryWith(condition) with { OrderBy = order };

        Assert.Equal(expected, await List(query));
    }

    [Theory]
    [InlineData("no condition")]
    [InlineData("owner")]
    [InlineData("team")]
    [InlineData("stale")]
    public async Task Limit_cuts_the_list_in_order_and_count_ignores_it(string condition)
    {
        await Store([.. Enumerable.Range(1, 5).Select(day => Lead($"L-{day}", followedUpAt: Now.AddDays(-10 - day), nextAt: Now.AddDays(1)))]);
        var query = QueryWith(condition) with { Limit = 2 };

        Assert.Equal(["L-5", "L-4"], await List(query));
        Assert.Equal(5, await _store.Read(session => session.Leads.Count(query)));
    }

    [Fact]
    public async Task A_small_team_whose_leads_come_last_in_the_order_is_still_listed_in_order()
    {
        var west = new Core.Access.User("carol", "Carol", Core.Access.Role.Salesperson, "west", []);
        await Store([.. Enumerable.Range(1, 1100).Select(i => TestLeads.Create($"W-{i:D4}", owner: west, createdAt: Now.AddDays(-400).AddMinutes(i)))]);
        await Store(
            TestLeads.Create("E-3", createdAt: Now.AddDays(-1)),
            TestLeads.Create("E-1", createdAt: Now.AddDays(-3)),
            TestLeads.Create("E-2", createdAt: Now.AddDays(-2)));

        Assert.Equal(["E-1", "E-2"], await List(new LeadQuery { TeamKey = "east", Limit = 2 }));
        Assert.Equal(["E-1", "E-2"], await List(new LeadQuery { TeamKey = "east", LastActivityBefore = Now, Limit = 2 }));
    }

    [Fact]
    public async Task Count_applies_every_condition()
    {
        await Store(TestLeads.Create("L-1"), TestLeads.Create("L-2", owner: TestLeads.Bob), TestLeads.Closed("L-3"), TestLeads.Create("L-4"));

        Assert.Equal(2, await _store.Read(session => session.Leads.Count(new LeadQuery { OwnerKey = "alice" })));
    }

    [Fact]
    public async Task A_limit_of_zero_lists_nothing()
    {
        await Store(TestLeads.Create("L-1"));

        Assert.Empty(await List(new LeadQuery { Limit = 0 }));
    }

    private static LeadQuery QueryWith(string condition) => condition switch
    {
        "owner" => new LeadQuery { OwnerKey = "alice" },
        "unowned" => new LeadQuery { Unowned = true },
        "team" => new LeadQuery { TeamKey = "east" },
        "stale" => new LeadQuery { LastActivityBefore = Now.AddDays(-7) },
        "before now" => new LeadQuery { LastActivityBefore = Now },
        "window" => new LeadQuery { NextFollowUpWithin = (Now, Now.AddDays(7)) },
        _ => new LeadQuery(),
    };

    private static Lead Lead(
        string number,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? followedUpAt = null,
        DateTimeOffset? nextAt = null,
        Core.Access.User? owner = null,
        bool inPool = false)
    {
        var lead = TestLeads.Create(number, owner: owner, inPool: inPool, createdAt: createdAt ?? Now.AddDays(-60));
        if (followedUpAt is { } at)
        {
            lead.RecordFollowUp(at, nextAt, at);
        }

        return lead;
    }

    private Task Store(params Lead[] leads) => _store.Write(session =>
    {
        foreach (var lead in leads)
        {
            session.Leads.Insert(lead);
        }
    });

    private async Task<string[]> List(LeadQuery query) =>
        [.. (await _store.Read(session => session.Leads.List(query))).Select(lead => lead.Number)];
}
