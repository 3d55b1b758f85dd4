using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>Creating, claiming, returning, transferring and valuing leads in chat.</summary>
public sealed class LeadConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Creating_a_lead_numbers_it_by_local_date_and_stores_the_phone_in_E164()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "新建线索:张三,139-1234-5678,腾讯,游戏行业"));

        Assert.Matches(@"^已创建线索 L-20261118-\d{4}。$", reply.Text);
        Assert.Equal("139****5678", reply.Fact("电话"));
        Assert.Equal("alice", reply.Fact("负责人"));
    }

    [Fact]
    public async Task A_duplicate_phone_names_the_lead_that_has_it_and_creates_nothing()
    {
        var first = Assert.Single(await _app.SayAsync("alice", "新建线索:张三,13912345678,腾讯"));
        var second = Assert.Single(await _app.SayAsync("alice", "添加客户 李四 电话 139 1234 5678 公司 网易"));

        Assert.Contains(first.Fact("线索"), second.Text, StringComparison.Ordinal);
        Assert.Contains("没有重复创建", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_offered_to_me_is_claimed_with_a_bare_claim()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "认领"));

        Assert.StartsWith("已认领", reply.Text, StringComparison.Ordinal);
        Assert.Equal("周经理", reply.Fact("客户"));
        Assert.Equal("alice", reply.Fact("负责人"));
    }

    [Fact]
    public async Task A_lead_owned_by_a_colleague_cannot_be_claimed()
    {
        var reply = Assert.Single(await _app.SayAsync("bob", "认领 周经理"));

        Assert.Contains("已分配给 alice", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transferring_tells_the_new_owner_in_their_inbox()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "把张伟转给bob跟进"));
        var inbox = await _app.InboxAsync("bob");

        Assert.Equal("bob", reply.Fact("负责人"));
        var notice = Assert.Single(inbox);
        Assert.StartsWith("alice transferred lead", notice.Text, StringComparison.Ordinal);
        Assert.Empty(await _app.InboxAsync("bob"));
    }

    [Fact]
    public async Task A_transfer_without_a_person_asks_for_one_and_the_answer_completes_it()
    {
        await _app.SayAsync("alice", "把这个聊天关联到张伟");
        var question = Assert.Single(await _app.SayAsync("alice", "/transfer"));
        var done = Assert.Single(await _app.SayAsync("alice", "bob"));

        Assert.Equal("Transfer to whom?", question.Text); // alice reads English
        Assert.Equal("bob", done.Fact("Owner"));
    }

    [Fact]
    public async Task Stage_and_amount_changes_are_shown_as_facts()
    {
        var stage = Assert.Single(await _app.SayAsync("alice", "华为这单进入商务谈判阶段"));
        var amount = Assert.Single(await _app.SayAsync("alice", "华为这单金额改成50万"));

        Assert.Equal("商务谈判", stage.Fact("阶段"));
        Assert.Equal("¥500,000", amount.Fact("金额"));
    }

    [Fact]
    public async Task Returning_a_lead_puts_it_in_the_pool_and_tells_the_manager()
    {
        await _app.SayAsync("alice", "把这个聊天关联到刘女士");
        var reply = Assert.Single(await _app.SayAsync("alice", "这个客户退回公海吧,联系不上"));

        Assert.Equal("公海(待认领)", reply.Fact("负责人"));
        Assert.Contains(await _app.InboxAsync("wang"), notice => notice.Text.Contains("退回了公海", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_user_is_refused_politely_and_nothing_is_stored()
    {
        var reply = Assert.Single(await _app.SayAsync("mallory", "新建线索:王五,13700001111,京东"));

        Assert.Contains("还不是 ChatCrm 的用户", reply.Text, StringComparison.Ordinal);
        var stored = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(s => s.Leads.FindByPhone(Phone.TryParse("13700001111")!), default);
        Assert.Null(stored);
    }
}
