using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Store;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Approvals;

public sealed class BulkAndBinTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly ApprovalDesk _desk;

    public BulkAndBinTests() => _desk = new ApprovalDesk(_world);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Twenty_leads_transfer_at_once()
    {
        await NewLeadsAsync(Alice, 20);

        var result = await _desk.Bulk.HandleAsync(As(Wang), new BulkRequest(BulkKind.Transfer, [], "alice", "bob", null), default);

        Assert.Null(result.Value!.Approval);
        Assert.Equal(20, result.Value.Count);
        Assert.Equal(20, await CountOwnedAsync("bob"));
        Assert.Equal(20, (await _desk.NoticesForAsync("bob")).Count);
    }

    [Fact]
    public async Task Twenty_one_leads_need_approval_and_move_only_once_approved()
    {
        await NewLeadsAsync(Alice, 21);

        var result = await _desk.Bulk.HandleAsync(As(Wang), new BulkRequest(BulkKind.Transfer, [], "alice", "bob", "alice 调岗"), default);
        var opened = result.Value!.Approval!;
        await _desk.Confirm.HandleAsync(As(Wang), opened.Code, default);
        var before = await CountOwnedAsync("bob");
        await _desk.Decide.HandleAsync(As(Admin), opened.Request.Number, approve: true, null, default);

        Assert.Equal(0, before);
        Assert.Equal(21, await CountOwnedAsync("bob"));
    }

    [Fact]
    public async Task A_bulk_change_reaching_one_lead_out_of_scope_changes_none()
    {
        var own = await _world.NewLeadAsync(Alice, "王总");
        var foreign = await _world.NewLeadAsync(Carol, "陈总");

        var result = await _desk.Bulk.HandleAsync(As(Wang), new BulkRequest(BulkKind.Return, [own.Number, foreign.Number], null, null, null), default);

        Assert.Equal(1, Assert.IsType<BulkNotPermitted>(result.Error).Refused);
        Assert.Equal("alice", (await _world.LeadAsync(own.Number))!.OwnerKey);
    }

    [Fact]
    public async Task A_bulk_delete_always_needs_approval_even_for_one_lead()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");

        var result = await _desk.Bulk.HandleAsync(As(Wang), new BulkRequest(BulkKind.Delete, [lead.Number], null, null, "重复录入"), default);

        Assert.NotNull(result.Value!.Approval);
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task A_salesperson_without_delete_is_refused_outright()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");

        var result = await _desk.Bulk.HandleAsync(As(Alice), new BulkRequest(BulkKind.Delete, [lead.Number], null, null, "不要了"), default);

        Assert.IsType<NotPermitted>(result.Error);
    }

    [Fact]
    public async Task A_deleted_lead_is_out_of_every_query_and_search_until_restored_as_it_was()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为", "13800138000");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        var hidden = await _world.Store.ReadAsync(session => (
            session.Leads.List(new LeadQuery { IncludeClosed = true, Limit = 100 }).Count,
            session.Leads.FindByKey(Leads.LeadSearchKeys.ForMention("王总"), 10).Count,
            session.Leads.FindByPhone(Personal.Phone.TryParse("13800138000")!)), default);
        var restored = await _desk.Restore.HandleAsync(As(Admin), [confirmed.Number], default);

        Assert.Equal((0, 0, null), hidden);
        Assert.Equal([lead.Number], restored.Value!.Numbers);
        Assert.Equal(lead.Version, (await _world.LeadAsync(lead.Number))!.Version);
    }

    [Fact]
    public async Task Only_an_admin_restores()
    {
        var result = await _desk.Restore.HandleAsync(As(Wang), ["L-20261118-0001"], default);

        Assert.IsType<NotPermitted>(result.Error);
    }

    [Fact]
    public async Task The_purge_job_removes_leads_binned_over_30_days_ago_and_only_those()
    {
        var old = await _world.NewLeadAsync(Alice, "王总");
        await DeleteApprovedAsync(old.Number);
        _world.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await _world.NewLeadAsync(Alice, "李总");
        await DeleteApprovedAsync(recent.Number);
        _world.Clock.Advance(TimeSpan.FromDays(11));

        var first = await _desk.PurgeJob.RunAsync(default);
        var second = await _desk.PurgeJob.RunAsync(default);

        Assert.Equal((1, 0), (first.Count, second.Count));
        Assert.Null(await _world.Store.ReadAsync(session => session.RecycleBin.Find(old.Number), default));
        Assert.NotNull(await _world.Store.ReadAsync(session => session.RecycleBin.Find(recent.Number), default));
    }

    [Fact]
    public async Task Purging_before_30_days_needs_its_own_approval()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        await DeleteApprovedAsync(lead.Number);
        var second = new ChatCrm.Core.Access.User("root", "Root", ChatCrm.Core.Access.Role.Admin, null, []);
        await _desk.SaveAsync(second);

        var opened = (await new RecycleBin.PurgeLead(_world.Store, _world.Clock, new RecycleBin.PurgeLeadsOperation()).HandleAsync(As(Admin), [lead.Number], "客户要求彻底删除", default)).Value!;
        var stillThere = await _world.Store.ReadAsync(session => session.RecycleBin.Find(lead.Number), default);
        await _desk.Confirm.HandleAsync(As(Admin), opened.Code, default);
        var decided = await _desk.Decide.HandleAsync(As(second), opened.Request.Number, approve: true, null, default);

        Assert.Equal(["root"], opened.Request.ApproverKeys);
        Assert.NotNull(stillThere);
        Assert.Equal(ApprovalState.Done, decided.Value!.State);
        Assert.Null(await _world.Store.ReadAsync(session => session.RecycleBin.Find(lead.Number), default));
    }

    private async Task DeleteApprovedAsync(string number)
    {
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, number);
        var decided = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);
        Assert.Equal(ApprovalState.Done, decided.Value!.State);
    }

    private async Task NewLeadsAsync(ChatCrm.Core.Access.User owner, int count)
    {
        for (var index = 0; index < count; index++)
        {
            await _world.NewLeadAsync(owner, $"客户{index}");
        }
    }

    private Task<int> CountOwnedAsync(string owner) =>
        _world.Store.ReadAsync(session => session.Leads.Count(new LeadQuery { OwnerKey = owner }), default);
}
