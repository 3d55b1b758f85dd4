using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class ShowLeadTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result<LinkedLead>> ShowAsync(User user, string conversation = "c1") =>
        new ShowLead(_world.Store).HandleAsync(As(user, conversation), default);

    private Task<Result<ChatLinked>> LinkAsync(User user, string mention, string conversation = "c1") =>
        new LinkChat(_world.Store, _world.Clock).HandleAsync(As(user, conversation), mention, default);

    private async Task LogAsync(User user, string summary)
    {
        var logged = await new LogFollowUp(_world.Store, _world.Clock).HandleAsync(
            As(user), new FollowUpReport(null, ContactChannel.Call, null, null, summary), default);
        Assert.True(logged.IsSuccess, logged.Error?.Code);
    }

    [Fact]
    public async Task A_chat_with_no_lead_linked_shows_none()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");

        var shown = await ShowAsync(Alice);

        Assert.IsType<NoLeadInContext>(shown.Error);
    }

    [Fact]
    public async Task Without_a_conversation_there_is_nothing_linked()
    {
        var shown = await new ShowLead(_world.Store).HandleAsync(new Actor(Alice, "test", ConversationKey: null), default);

        Assert.IsType<NoLeadInContext>(shown.Error);
    }

    [Fact]
    public async Task The_linked_lead_comes_with_its_owners_name_and_what_the_owner_may_do()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");
        await LinkAsync(Alice, lead.Number);

        var shown = (await ShowAsync(Alice)).Value!;

        Assert.Equal((lead.Number, "王总", "华为"), (shown.Lead.Number, shown.Lead.Name, shown.Lead.Company));
        Assert.Equal("Alice", shown.OwnerName);
        Assert.True(shown.CanWork);
        Assert.False(shown.CanClaim);
    }

    [Fact]
    public async Task Only_the_last_five_follow_ups_are_shown_newest_first()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");
        await LinkAsync(Alice, lead.Number);
        for (var call = 1; call <= 6; call++)
        {
            _world.Clock.Advance(TimeSpan.FromHours(1));
            await LogAsync(Alice, $"第{call}次电话");
        }

        var shown = (await ShowAsync(Alice)).Value!;

        Assert.Equal(["第6次电话", "第5次电话", "第4次电话", "第3次电话", "第2次电话"], shown.RecentFollowUps.Select(entry => entry.FollowUp.Summary));
        Assert.All(shown.RecentFollowUps, entry => Assert.Equal("Alice", entry.AuthorName));
        Assert.Equal(_world.Clock.GetUtcNow(), shown.Lead.LastFollowUpAt);
    }

    [Fact]
    public async Task A_pool_lead_has_no_owner_and_may_be_claimed()
    {
        var number = await _world.PoolLeadAsync("周经理", "east");
        await LinkAsync(Alice, number);

        var shown = (await ShowAsync(Alice)).Value!;

        Assert.Null(shown.OwnerName);
        Assert.True(shown.CanClaim);
        Assert.False(shown.CanWork);
    }

    [Fact]
    public async Task A_lead_handed_to_a_colleague_is_no_longer_shown_to_the_one_who_linked_it()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");
        await LinkAsync(Alice, lead.Number);
        await new TransferLead(_world.Store, _world.Clock).HandleAsync(As(Alice), lead.Number, "bob", default);

        var shown = await ShowAsync(Alice);

        Assert.Equal(lead.Number, Assert.IsType<NotPermitted>(shown.Error).LeadNumber);
    }

    [Fact]
    public async Task Each_conversation_shows_its_own_link()
    {
        var wang = await _world.NewLeadAsync(Alice, "王总", "华为");
        var li = await _world.NewLeadAsync(Alice, "李经理", "阿里巴巴");
        await LinkAsync(Alice, wang.Number, "contact:wm1");
        await LinkAsync(Alice, li.Number, "contact:wm2");

        var first = await ShowAsync(Alice, "contact:wm1");
        var second = await ShowAsync(Alice, "contact:wm2");

        Assert.Equal([wang.Number, li.Number], [first.Value!.Lead.Number, second.Value!.Lead.Number]);
    }
}
