using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Approvals;

/// <summary>
/// The story this feature exists to kill: an intern three days in deleted 2,300 VIP customers with
/// no confirmation and no way back. Here the intern is refused outright; a manager asking for the
/// same 2,300 needs their own code and an admin's approval; approved, the leads sit in the recycle
/// bin; one admin command brings them all back.
/// </summary>
public sealed class MassDeletionStoryTests : IDisposable
{
    private const int VipCustomers = 2300;

    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    [Fact]
    public async Task The_intern_is_refused_the_manager_needs_approval_the_leads_go_to_the_bin_and_one_command_restores_them()
    {
        await SeedAsync();

        var intern = Assert.Single(await _app.SayAsync("ivy", "/bulk delete vera 清理一下"));
        Assert.Contains("没有这项权限", intern.Text, StringComparison.Ordinal);
        Assert.Equal(VipCustomers, await VipCountAsync());

        var card = Assert.Single(await _app.SayAsync("wang", "/bulk delete vera 客户资料作废"));
        Assert.Contains("删除 2300 条线索", card.Text, StringComparison.Ordinal);
        Assert.Equal(VipCustomers, await VipCountAsync());
        Assert.Empty(await _app.InboxAsync("admin"));

        var confirmed = Assert.Single(await _app.SayAsync("wang", "/confirm " + card.Fact("确认码")));
        Assert.StartsWith("已确认", confirmed.Text, StringComparison.Ordinal);
        var approval = Assert.Single(await _app.InboxAsync("admin"));
        Assert.Contains("wang 申请", approval.Text, StringComparison.Ordinal);

        var approved = Assert.Single(await _app.PressAsync("admin", approval.Button("批准")));
        Assert.StartsWith("已批准", approved.Text, StringComparison.Ordinal);
        Assert.Equal(0, await VipCountAsync());
        Assert.Equal(VipCustomers, await Store.ReadAsync(session => session.RecycleBin.Count(), default));
        Assert.Contains(await _app.InboxAsync("wang"), notice => notice.Text.StartsWith("✅", StringComparison.Ordinal));

        var restored = Assert.Single(await _app.SayAsync("admin", "/admin restore " + card.Fact("编号")));
        Assert.Contains("已恢复 2300 条线索", restored.Text, StringComparison.Ordinal);
        Assert.Equal(VipCustomers, await VipCountAsync());
    }

    [Fact]
    public async Task A_second_press_of_approve_runs_nothing_twice()
    {
        await SeedAsync(count: 3);
        var card = Assert.Single(await _app.SayAsync("wang", "/bulk delete vera 客户资料作废"));
        await _app.SayAsync("wang", "/confirm " + card.Fact("确认码"));
        var approve = Assert.Single(await _app.InboxAsync("admin")).Button("批准");

        await _app.PressAsync("admin", approve);
        var again = Assert.Single(await _app.PressAsync("admin", approve));

        Assert.Contains("已经处理过了", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_from_the_card_asks_for_a_reason_and_deletes_nothing()
    {
        await SeedAsync(count: 3);
        var card = Assert.Single(await _app.SayAsync("wang", "/bulk delete vera 客户资料作废"));
        await _app.SayAsync("wang", "/confirm " + card.Fact("确认码"));

        var asked = Assert.Single(await _app.PressAsync("admin", Assert.Single(await _app.InboxAsync("admin")).Button("驳回")));
        var rejected = Assert.Single(await _app.SayAsync("admin", "这些客户还在合作"));

        Assert.Contains("原因", asked.Text, StringComparison.Ordinal);
        Assert.StartsWith("已驳回", rejected.Text, StringComparison.Ordinal);
        Assert.Equal(3, await VipCountAsync());
        Assert.Contains(await _app.InboxAsync("wang"), notice => notice.Text.Contains("这些客户还在合作", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_typed_delete_shows_the_card_and_a_wrong_code_is_refused_politely()
    {
        await SeedAsync(count: 1);
        var lead = (await Store.ReadAsync(session => session.Leads.List(new LeadQuery { OwnerKey = "vera" }), default))[0];

        var card = Assert.Single(await _app.SayAsync("wang", $"/delete {lead.Number} 客户要求删除"));
        var wrong = Assert.Single(await _app.SayAsync("wang", "/confirm " + (card.Fact("确认码") == "000000" ? "111111" : "000000")));

        Assert.Equal("客户要求删除", card.Fact("原因"));
        Assert.Contains("确认码不对", wrong.Text, StringComparison.Ordinal);
        Assert.Empty(await _app.InboxAsync("admin"));
    }

    private Task<int> VipCountAsync() =>
        Store.ReadAsync(session => session.Leads.Count(new LeadQuery { OwnerKey = "vera", IncludeClosed = true }), default);

    /// <summary>An intern three days in, and vera's book of VIP customers in team east.</summary>
    private Task SeedAsync(int count = VipCustomers) => Store.WriteAsync(session =>
    {
        session.People.Save(new User("ivy", "Ivy 实习生", Role.Salesperson, "east", ["Ivy"], "zh", PositionKey: DefaultPositions.Intern));
        var vera = new User("vera", "Vera", Role.Salesperson, "east", ["Vera"], "zh");
        session.People.Save(vera);
        var now = _app.Clock.GetUtcNow();
        var day = new DateOnly(2026, 11, 17);
        for (var index = 0; index < count; index++)
        {
            var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
            session.Leads.Insert(Lead.Create(number, $"VIP客户{index}", null, $"VIP公司{index}", null, LeadStage.Qualified, vera, null, "test", "admin", now));
        }

        return true;
    }, default);
}
