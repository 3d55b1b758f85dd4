using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class OfferLeadTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private OfferLead Offer => new(_world.Store, _world.Clock);

    [Fact]
    public async Task A_manager_offers_a_pool_lead_and_the_salesperson_is_told_with_the_lead()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");

        var result = await Offer.HandleAsync(As(Wang), number, "alice", default);

        Assert.Equal("alice", result.Value!.After.AssigneeKey);
        Assert.Null(result.Value.After.OwnerKey);
        var notice = Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default)).Notice!;
        Assert.Equal(Notices.LeadOffered, notice.Kind);
        Assert.Equal(number, notice.Args["lead"]);
        Assert.Equal("wang", notice.Args["by"]);
        var audit = await _world.Store.ReadAsync(session => session.Audit.ForLead(number, 10), default);
        Assert.Contains(audit, entry => entry.Action == AuditActions.OfferLead && entry.ActorKey == "wang");
    }

    [Fact]
    public async Task The_offered_salesperson_claims_it_with_a_bare_claim()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");
        await Offer.HandleAsync(As(Wang), number, "爱丽丝", default);

        var claimed = await new ClaimLead(_world.Store, _world.Clock).HandleAsync(As(Alice, conversation: "alice-dm"), null, default);

        Assert.Equal("alice", claimed.Value!.After.OwnerKey);
        Assert.Null(claimed.Value.After.AssigneeKey);
    }

    [Fact]
    public async Task A_salesperson_may_not_offer_leads()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");

        var result = await Offer.HandleAsync(As(Bob), number, "alice", default);

        Assert.IsType<NotPermitted>(result.Error);
        Assert.Null((await _world.LeadAsync(number))!.AssigneeKey);
        Assert.Empty(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }

    [Fact]
    public async Task An_owned_lead_is_not_offered_and_nobody_is_told()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");
        await new ClaimLead(_world.Store, _world.Clock).HandleAsync(As(Bob), number, default);

        var result = await Offer.HandleAsync(As(Wang), number, "alice", default);

        Assert.Equal("bob", Assert.IsType<AlreadyOwned>(result.Error).OwnerKey);
        Assert.Empty(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }

    [Fact]
    public async Task An_unknown_person_or_an_admin_cannot_be_offered_a_lead()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");

        Assert.IsType<UserNotFound>((await Offer.HandleAsync(As(Wang), number, "nobody", default)).Error);
        Assert.IsType<UserNotFound>((await Offer.HandleAsync(As(Wang), number, "admin", default)).Error);
        Assert.IsType<MissingValue>((await Offer.HandleAsync(As(Wang), number, " ", default)).Error);
    }

    [Fact]
    public async Task Offering_to_the_same_person_again_changes_nothing()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");
        await Offer.HandleAsync(As(Wang), number, "alice", default);

        var again = await Offer.HandleAsync(As(Wang), number, "alice", default);

        Assert.IsType<NoChange>(again.Error);
        Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }
}
