using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reminders;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class ResolverAndListTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result<Lead>> ResolveAsync(User user, string? mention, string conversation = "c1") =>
        _world.Store.ReadAsync(session => LeadResolver.Resolve(session, As(user, conversation), mention), default);

    [Theory]
    [InlineData("王建国")]
    [InlineData("王总")]
    [InlineData("王经理")]
    [InlineData("华为")]
    [InlineData("华为技术有限公司")]
    public async Task A_lead_is_found_by_name_title_or_company(string mention)
    {
        var lead = await _world.NewLeadAsync(Alice, "王建国", "华为技术有限公司");

        var found = await ResolveAsync(Alice, mention);

        Assert.Equal(lead.Number, found.Value?.Number);
    }

    [Fact]
    public async Task Two_leads_with_the_same_name_are_ambiguous_for_a_manager()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        await _world.NewLeadAsync(Bob, "王总", "腾讯");

        var found = await ResolveAsync(Wang, "王总");

        Assert.Equal(2, Assert.IsType<AmbiguousLead>(found.Error).Candidates.Count);
    }

    [Fact]
    public async Task The_linked_lead_wins_among_same_named_leads()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        var tencent = await _world.NewLeadAsync(Bob, "王总", "腾讯");
        await new LinkChat(_world.Store, _world.Clock).HandleAsync(As(Wang, "c9"), tencent.Number, default);

        var found = await ResolveAsync(Wang, "王总", "c9");

        Assert.Equal(tencent.Number, found.Value?.Number);
    }

    [Fact]
    public async Task Stale_lists_leads_without_activity_for_seven_days()
    {
        var old = await _world.NewLeadAsync(Alice, "老客户");
        _world.Clock.Advance(TimeSpan.FromDays(6));
        await _world.NewLeadAsync(Alice, "新客户");
        _world.Clock.Advance(TimeSpan.FromDays(2));

        var page = await new ListLeads(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(Alice), LeadList.Stale, default);

        Assert.Equal(old.Number, Assert.Single(page.Leads).Number);
    }

    [Fact]
    public async Task Due_reminders_are_handed_to_the_outbox_once()
    {
        var set = await new SetReminder(_world.Store, _world.Clock).HandleAsync(As(Alice), _world.Clock.GetUtcNow().AddHours(1), "给王总打电话", null, default);
        var deliver = new DeliverDueReminders(_world.Store, _world.Clock);

        var early = await deliver.HandleAsync(default);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        var due = await deliver.HandleAsync(default);
        var again = await deliver.HandleAsync(default);

        Assert.True(set.IsSuccess);
        Assert.Equal((0, 1, 0), (early, due, again));
        Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default));
    }
}
