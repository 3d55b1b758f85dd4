using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class ClaimAndTransferTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private ClaimLead Claim => new(_world.Store, _world.Clock);

    [Fact]
    public async Task A_salesperson_claims_a_lead_from_their_team_pool()
    {
        var number = await _world.PoolLeadAsync("王总", "east");

        var result = await Claim.HandleAsync(As(Alice), number, default);

        Assert.Equal("alice", result.Value!.After.OwnerKey);
    }

    [Fact]
    public async Task A_lead_in_another_team_pool_is_not_found()
    {
        var number = await _world.PoolLeadAsync("王总", "south");

        var result = await Claim.HandleAsync(As(Alice), number, default);

        Assert.IsType<LeadNotFound>(result.Error);
    }

    [Fact]
    public async Task A_lead_offered_to_a_colleague_cannot_be_claimed()
    {
        var number = await _world.PoolLeadAsync("王总", "east", offeredTo: Bob);

        var result = await Claim.HandleAsync(As(Alice), number, default);

        Assert.Equal("bob", Assert.IsType<AssignedToSomeoneElse>(result.Error).AssigneeKey);
    }

    [Fact]
    public async Task A_lead_already_owned_cannot_be_claimed()
    {
        var number = await _world.PoolLeadAsync("王总", "east");
        await Claim.HandleAsync(As(Bob), number, default);

        var result = await Claim.HandleAsync(As(Wang), number, default);

        Assert.Equal("bob", Assert.IsType<AlreadyOwned>(result.Error).OwnerKey);
    }

    [Fact]
    public async Task A_bare_claim_takes_the_lead_offered_to_me()
    {
        var number = await _world.PoolLeadAsync("周经理", "east", offeredTo: Alice);

        var result = await Claim.HandleAsync(As(Alice), null, default);

        Assert.Equal(number, result.Value!.After.Number);
    }

    [Fact]
    public async Task Transfer_hands_over_and_puts_a_notice_for_the_new_owner_in_the_outbox()
    {
        var lead = await _world.NewLeadAsync(Alice, "张伟", "字节跳动");

        var result = await new TransferLead(_world.Store, _world.Clock).HandleAsync(As(Alice), "张伟", "鲍勃", default);

        Assert.Equal("bob", result.Value!.After.OwnerKey);
        var pending = await _world.Store.ReadAsync(session => session.Outbox.PendingFor("bob", 10), default);
        var notice = Assert.Single(pending).Notice!;
        Assert.Equal(Notices.LeadTransferred, notice.Kind);
        Assert.Equal(lead.Number, notice.Args["lead"]);
    }

    [Fact]
    public async Task Transfer_to_nobody_known_changes_nothing()
    {
        var lead = await _world.NewLeadAsync(Alice, "张伟");

        var result = await new TransferLead(_world.Store, _world.Clock).HandleAsync(As(Alice), lead.Number, "李雷", default);

        Assert.IsType<UserNotFound>(result.Error);
        Assert.Equal("alice", (await _world.LeadAsync(lead.Number))!.OwnerKey);
    }

    [Fact]
    public async Task A_salesperson_may_not_transfer_a_colleagues_lead()
    {
        var lead = await _world.NewLeadAsync(Bob, "张伟");

        var result = await new TransferLead(_world.Store, _world.Clock).HandleAsync(As(Alice), lead.Number, "alice", default);

        Assert.IsType<LeadNotFound>(result.Error);
    }

    [Fact]
    public async Task A_manager_transfers_within_the_team()
    {
        var lead = await _world.NewLeadAsync(Bob, "张伟");

        var result = await new TransferLead(_world.Store, _world.Clock).HandleAsync(As(Wang), lead.Number, "alice", default);

        Assert.Equal("alice", result.Value!.After.OwnerKey);
    }
}
