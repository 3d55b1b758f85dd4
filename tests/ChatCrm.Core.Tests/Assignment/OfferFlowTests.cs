using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>An offer's life: claimed, declined, let run out, and the escalation when nobody takes the lead.</summary>
public sealed class OfferFlowTests : IDisposable
{
    private static readonly User Dan = new("dan", "Dan", Role.Salesperson, "east", []);

    private readonly AssignmentDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task A_new_lead_is_offered_with_its_card_its_audit_entry_and_every_step_recorded()
    {
        var number = await _desk.IntakeAsync("周经理");

        var move = Assert.Single(await _desk.RunAsync());

        Assert.Equal(new AssignmentMove(number, AssignmentMoveKind.Offered, "alice"), move);
        Assert.Equal("alice", (await _desk.LeadAsync(number)).AssigneeKey);
        var notice = Assert.Single(await _desk.NoticesAsync("alice", Notices.LeadOffered));
        Assert.Equal((number, AssignLeads.EngineKey), (notice.Args["lead"], notice.Args["by"]));
        Assert.Equal(Start.AddMinutes(30), DateTimeOffset.Parse(notice.Args["claim_by"], System.Globalization.CultureInfo.InvariantCulture));
        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal(AssignmentState.Offered, assignment.State);
        Assert.Equal([AssignmentStepKind.Matched, AssignmentStepKind.Offered, AssignmentStepKind.Notified], assignment.Steps.Select(step => step.Kind));
        var audit = await _desk.World.Store.ReadAsync(session => session.Audit.ForLead(number, 5), default);
        Assert.Contains(audit, entry => entry.Action == AuditActions.OfferLead && entry.ActorKey == AssignLeads.EngineKey);
    }

    [Fact]
    public async Task Claiming_through_chat_settles_the_assignment_with_the_time_from_intake()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        _desk.Clock.Advance(TimeSpan.FromMinutes(4));

        await _desk.Claim.HandleAsync(As(Alice), null, default);

        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal((AssignmentState.Claimed, "alice", TimeSpan.FromMinutes(4)), (assignment.State, assignment.ClaimedBy, assignment.IntakeToClaim));
        Assert.Equal(OfferResult.Claimed, Assert.Single(assignment.Offers).Result);
        Assert.Null(assignment.NextCheckAt);
        Assert.Equal(AssignmentStepKind.Claimed, assignment.Steps[^1].Kind);
    }

    [Fact]
    public async Task An_offer_not_claimed_in_its_window_goes_to_the_next_candidate()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        _desk.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await _desk.RunAsync());

        _desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var move = Assert.Single(await _desk.RunAsync());

        Assert.Equal(("bob", "bob"), (move.UserKey, (await _desk.LeadAsync(number)).AssigneeKey));
        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal([OfferResult.Expired, OfferResult.Pending], assignment.Offers.Select(offer => offer.Result));
        Assert.Contains(new CandidateCheck("alice", CandidateVerdict.OfferedBefore), assignment.Candidates);
    }

    [Fact]
    public async Task Declining_offers_the_lead_to_the_next_candidate_at_once()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();

        var declined = await _desk.Decline.HandleAsync(As(Alice), number, default);

        Assert.True(declined.IsSuccess);
        Assert.Equal("bob", (await _desk.LeadAsync(number)).AssigneeKey);
        Assert.Single(await _desk.NoticesAsync("bob", Notices.LeadOffered));
        Assert.Equal([OfferResult.Declined, OfferResult.Pending], (await _desk.AssignmentAsync(number)).Offers.Select(offer => offer.Result));
    }

    [Fact]
    public async Task Only_the_person_a_lead_is_offered_to_may_decline_it_and_a_decline_cannot_be_undone()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();

        Assert.IsType<NotOffered>((await _desk.Decline.HandleAsync(As(Bob), number, default)).Error);
        await _desk.Decline.HandleAsync(As(Alice), number, default);
        var undo = await new UndoChange(_desk.World.Store, _desk.Clock, _desk.World.Settings).HandleAsync(As(Alice), null, default);

        Assert.IsType<CannotUndo>(undo.Error);
        Assert.Equal("bob", (await _desk.LeadAsync(number)).AssigneeKey);
    }

    [Fact]
    public async Task Declining_an_offer_a_manager_made_by_hand_puts_the_lead_back_in_the_pool_and_tells_the_manager()
    {
        var number = await _desk.World.PoolLeadAsync("周经理", "east");
        await new Leads.OfferLead(_desk.World.Store, _desk.Clock).HandleAsync(As(Wang), number, "alice", default);

        await _desk.Decline.HandleAsync(As(Alice), null, default);

        Assert.Null((await _desk.LeadAsync(number)).AssigneeKey);
        Assert.Equal("alice", Assert.Single(await _desk.NoticesAsync("wang", Notices.LeadReturned)).Args["by"]);
    }

    [Fact]
    public async Task After_three_offers_run_out_the_lead_escalates_to_the_manager_with_the_offers_and_candidates()
    {
        await _desk.AddUsersAsync(Dan);
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        for (var offer = 0; offer < 3; offer++)
        {
            _desk.Clock.Advance(TimeSpan.FromMinutes(30));
            await _desk.RunAsync();
        }

        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal((AssignmentState.Escalated, EscalationReason.OffersExhausted), (assignment.State, assignment.Escalation));
        Assert.Equal(["alice", "bob", "dan"], assignment.Offers.Select(offer => offer.UserKey));
        Assert.Null((await _desk.LeadAsync(number)).AssigneeKey);
        var notice = Assert.Single(await _desk.NoticesAsync("wang", Notices.AssignmentEscalated));
        Assert.Equal(("OffersExhausted", AssignmentRule.DefaultKey, "alice=Expired;bob=Expired;dan=Expired"), (notice.Args["reason"], notice.Args["rule"], notice.Args["offers"]));
        Assert.Equal("alice=OfferedBefore;bob=OfferedBefore;dan=OfferedBefore;wang=NoClaimPermission:sales_manager", notice.Args["candidates"]);

        _desk.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await _desk.RunAsync());
    }

    [Fact]
    public async Task With_nobody_able_to_take_the_lead_it_escalates_at_once_saying_why_each_was_skipped()
    {
        await _desk.UseRulesAsync(new AssignmentRule("east-small", 1, [], [], [], [], "east", AssignmentStrategy.RoundRobin, Capacity: 1));
        await _desk.World.PoolLeadAsync("已分配1", "east", offeredTo: Alice);
        await _desk.World.PoolLeadAsync("已分配2", "east", offeredTo: Bob);

        var number = await _desk.IntakeAsync("周经理");
        var move = Assert.Single(await _desk.RunAsync());

        Assert.Equal((AssignmentMoveKind.Escalated, EscalationReason.NoCandidate), (move.Kind, move.Reason));
        var notice = Assert.Single(await _desk.NoticesAsync("wang", Notices.AssignmentEscalated));
        Assert.Equal((number, "east-small"), (notice.Args["lead"], notice.Args["rule"]));
        Assert.Equal("alice=AtCapacity:1/1;bob=AtCapacity:1/1;wang=NoClaimPermission:sales_manager", notice.Args["candidates"]);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.LeadOffered));
    }

    [Fact]
    public async Task A_manager_claiming_an_escalated_lead_settles_it()
    {
        await _desk.UseRulesAsync(new AssignmentRule("east-none", 1, [], [], [], [], "east", AssignmentStrategy.RoundRobin, Capacity: 0));
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        _desk.Clock.Advance(TimeSpan.FromMinutes(10));

        await _desk.Claim.HandleAsync(As(Wang), number, default);

        var assignment = await _desk.AssignmentAsync(number);
        Assert.Equal((AssignmentState.Claimed, "wang"), (assignment.State, assignment.ClaimedBy));
    }

    [Fact]
    public async Task A_request_for_a_lead_already_being_assigned_changes_nothing()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        await _desk.World.Store.WriteAsync(session =>
        {
            session.AssignmentRequests.Add(new AssignmentRequest(number, "webform", [], _desk.Clock.GetUtcNow()));
            return true;
        }, default);

        Assert.Equal(AssignmentMoveKind.None, Assert.Single(await _desk.RunAsync()).Kind);
        Assert.Single((await _desk.AssignmentAsync(number)).Offers);
    }
}
