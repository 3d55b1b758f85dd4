using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Exports;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Approvals;

public sealed class AmountAndExportTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly ApprovalDesk _desk;

    public AmountAndExportTests() => _desk = new ApprovalDesk(_world);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task An_open_deal_s_amount_changes_at_once()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");

        var set = await _desk.Amount.HandleAsync(As(Alice), lead.Number, 500_000m, "CNY", null, default);

        Assert.Equal(500_000m, set.Value!.Change!.After.Amount);
    }

    [Fact]
    public async Task A_won_deal_s_amount_changes_only_after_approval()
    {
        var lead = await WonDealAsync(100_000m);

        var asked = await _desk.Amount.HandleAsync(As(Wang), lead, 80_000m, "CNY", "客户折扣", default);
        var opened = asked.Value!.Approval!;
        var untouched = (await _world.LeadAsync(lead))!.Amount;
        await _desk.Confirm.HandleAsync(As(Wang), opened.Code, default);
        await _desk.Decide.HandleAsync(As(Admin), opened.Request.Number, approve: true, null, default);

        Assert.Equal(100_000m, untouched);
        Assert.Equal(80_000m, (await _world.LeadAsync(lead))!.Amount);
    }

    [Fact]
    public async Task A_salesperson_cannot_even_ask_to_change_a_signed_amount()
    {
        var lead = await WonDealAsync(100_000m);

        var asked = await _desk.Amount.HandleAsync(As(Alice), lead, 80_000m, "CNY", "改一下", default);

        Assert.IsType<NotPermitted>(asked.Error);
    }

    [Fact]
    public async Task The_plain_amount_change_refuses_a_won_deal()
    {
        var lead = await WonDealAsync(100_000m);

        var changed = await new ChangeAmount(_world.Store, _world.Clock).HandleAsync(As(Wang), lead, 1m, "CNY", default);

        Assert.IsType<NeedsApproval>(changed.Error);
    }

    [Fact]
    public async Task An_export_without_phones_masks_them_works_once_and_is_audited_with_its_count()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为", "13800138000");
        await _world.NewLeadAsync(Bob, "李总", null, "13900139000");

        var ready = (await _desk.Export.HandleAsync(As(Wang), ExportScope.Team, false, null, default)).Value!.Ready!;
        var file = await _desk.Take.HandleAsync(ready.Id, _desk.Links.LastToken, default);
        var again = await _desk.Take.HandleAsync(ready.Id, _desk.Links.LastToken, default);

        Assert.Equal(["138****8000", "139****9000"], file.Value!.Rows.Select(row => row.Phone).Order());
        Assert.IsType<ExportUnavailable>(again.Error);
        var audited = await _world.Store.ReadAsync(session => session.Audit.RecentBy("wang", null, Start.AddDays(-1), 10).Where(entry => entry.Action.StartsWith("export", StringComparison.Ordinal)).Select(entry => entry.Detail).ToList(), default);
        Assert.Contains(audited, detail => detail!.EndsWith("count=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_export_link_expires_after_an_hour()
    {
        await _world.NewLeadAsync(Alice, "王总");
        var ready = (await _desk.Export.HandleAsync(As(Wang), ExportScope.Team, false, null, default)).Value!.Ready!;
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var late = await _desk.Take.HandleAsync(ready.Id, _desk.Links.LastToken, default);

        Assert.IsType<ExportUnavailable>(late.Error);
    }

    [Fact]
    public async Task An_export_with_phones_needs_approval_and_then_shows_them()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为", "13800138000");

        var opened = (await _desk.Export.HandleAsync(As(Wang), ExportScope.Team, true, "客户回访", default)).Value!.Approval!;
        await _desk.Confirm.HandleAsync(As(Wang), opened.Code, default);
        await _desk.Decide.HandleAsync(As(Admin), opened.Request.Number, approve: true, null, default);
        var notice = (await _desk.NoticesForAsync("wang")).Single(message => message.Notice?.Kind == Notices.ExportReady).Notice!;
        var id = Guid.Parse(notice.Args["url"].Split('/')[^1].Split('?')[0]);
        var file = await _desk.Take.HandleAsync(id, _desk.Links.LastToken, default);

        Assert.Equal("+8613800138000", Assert.Single(file.Value!.Rows).Phone);
    }

    [Fact]
    public async Task A_salesperson_may_not_export()
    {
        var result = await _desk.Export.HandleAsync(As(Alice), null, false, null, default);

        Assert.IsType<NotPermitted>(result.Error);
    }

    [Fact]
    public async Task A_manager_may_not_export_everything_beyond_the_team()
    {
        await _world.NewLeadAsync(Carol, "陈总");
        await _world.NewLeadAsync(Alice, "王总");

        var ready = (await _desk.Export.HandleAsync(As(Wang), ExportScope.All, false, null, default)).Value!.Ready!;

        Assert.Equal(1, ready.Count);
    }

    private async Task<string> WonDealAsync(decimal amount)
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        await new ChangeAmount(_world.Store, _world.Clock).HandleAsync(As(Alice), lead.Number, amount, "CNY", default);
        await new ChangeStage(_world.Store, _world.Clock).HandleAsync(As(Alice), lead.Number, LeadStage.Won, default);
        return lead.Number;
    }
}
