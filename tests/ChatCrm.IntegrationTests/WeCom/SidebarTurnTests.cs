using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using static ChatCrm.IntegrationTests.WeCom.SidebarBrowser;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// What a member does in the sidebar (development login, beside one customer's chat) goes through
/// the conversation pipeline as a WeCom turn in that chat, and the lead view shows the result.
/// </summary>
public sealed class SidebarTurnTests : IDisposable
{
    private readonly ChatCrmApp _app = new(settings: new Dictionary<string, string> { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" });

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    private async Task<SidebarBrowser> SignedInAsync(string userId, string context = Contact)
    {
        var browser = new SidebarBrowser(_app, context);
        await browser.DevLoginAsync(userId);
        return browser;
    }

    [Fact]
    public async Task A_chat_with_nothing_linked_shows_none_in_the_members_language()
    {
        var alice = await SignedInAsync("alice");

        var view = await alice.LeadAsync();

        Assert.Equal(("alice", "Alice 李爱丽", "en"), (view.User, view.Name, view.Language));
        Assert.Equal((Contact, SidebarView.NoneLinked), (view.Context, view.Link));
        Assert.Null(view.Lead);
    }

    [Fact]
    public async Task Searching_a_company_links_the_chat_to_its_lead_through_the_pipeline()
    {
        var alice = await SignedInAsync("alice");

        var reply = Assert.Single(await alice.ActAsync(Action("link_chat", ("lead", "Acme"), ("lang", "en"))));

        Assert.StartsWith("This chat is now linked to", reply.Text, StringComparison.Ordinal);
        var link = await Store.ReadAsync(session => session.Conversations.FindLink("wecom:alice:contact:wmEXAMPLE"), default);
        var view = await alice.LeadAsync();
        Assert.Equal((SidebarView.Linked, "John Smith", "Acme Corp", "negotiation", "Alice 李爱丽"), (view.Link, view.Lead!.Name, view.Lead.Company, view.Lead.Stage, view.Lead.Owner));
        Assert.Equal(link!.LeadNumber, view.Lead.Number);
    }

    [Fact]
    public async Task An_ambiguous_name_asks_which_one_and_the_chosen_button_links_it()
    {
        var wang = await SignedInAsync("wang");

        var question = Assert.Single(await wang.ActAsync(Action("link_chat", ("lead", "王总"), ("lang", "zh"))));
        Assert.StartsWith("有 3 个「王总」", question.Text, StringComparison.Ordinal);
        var linked = Assert.Single(await wang.ActAsync(question.Button("王总 · 网易").Payload));

        Assert.StartsWith("本聊天已关联到", linked.Text, StringComparison.Ordinal);
        Assert.Equal("网易", (await wang.LeadAsync()).Lead!.Company);
    }

    [Fact]
    public async Task A_follow_up_typed_in_a_sentence_is_logged_on_the_linked_lead_and_listed_first()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "华为")));

        var reply = Assert.Single(await alice.LogAsync("今天给王总打了电话,他对报价很感兴趣,下周三再跟进"));

        Assert.StartsWith("已记录对 王总 的跟进。", reply.Text, StringComparison.Ordinal);
        Assert.Equal("电话", reply.Fact("方式"));
        Assert.Equal("2026-11-25", reply.Fact("下次跟进"));
        var lead = (await alice.LeadAsync()).Lead!;
        var latest = lead.FollowUps[0];
        Assert.Equal(("今天给王总打了电话,他对报价很感兴趣,下周三再跟进", "call", "high", "Alice 李爱丽"), (latest.Summary, latest.Channel, latest.Interest, latest.Author));
        Assert.Equal(ChatCrmApp.Start, latest.At);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), lead.NextFollowUpAt);
        Assert.Equal(2, (await Store.ReadAsync(session => session.FollowUps.ListForLead(lead.Number, 10), default)).Count);
    }

    [Fact]
    public async Task A_sentence_naming_someone_else_is_still_logged_on_the_chats_lead()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "Acme")));

        await alice.LogAsync("给张伟发了微信");

        var lead = (await alice.LeadAsync()).Lead!;
        Assert.Equal(("John Smith", "给张伟发了微信"), (lead.Name, lead.FollowUps[0].Summary));
    }

    [Fact]
    public async Task Claim_takes_the_pool_lead_linked_to_the_chat()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "网易")));
        var pooled = (await alice.LeadAsync()).Lead!;
        Assert.Equal((true, false, null), (pooled.CanClaim, pooled.CanWork, pooled.Owner));

        var reply = Assert.Single(await alice.ActAsync(Action("claim_lead", ("lead", pooled.Number), ("lang", "en"))));

        Assert.StartsWith($"You claimed {pooled.Number}", reply.Text, StringComparison.Ordinal);
        Assert.Equal("alice", (await Store.ReadAsync(session => session.Leads.Find(pooled.Number), default))!.OwnerKey);
        var claimed = (await alice.LeadAsync()).Lead!;
        Assert.Equal((false, true, "Alice 李爱丽"), (claimed.CanClaim, claimed.CanWork, claimed.Owner));
    }

    [Fact]
    public async Task The_stage_picker_moves_the_lead_through_the_pipeline()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "华为")));
        var number = (await alice.LeadAsync()).Lead!.Number;

        var reply = Assert.Single(await alice.ActAsync(Action("set_stage", ("lead", number), ("stage", "negotiation"), ("lang", "zh"))));

        Assert.Equal($"{number} 的阶段改为商务谈判。", reply.Text);
        Assert.Equal(LeadStage.Negotiation, (await Store.ReadAsync(session => session.Leads.Find(number), default))!.Stage);
        Assert.Equal("undo", reply.Actions.Single().Payload["do"]);
    }

    [Fact]
    public async Task A_lead_created_from_the_five_fields_is_linked_to_the_chat()
    {
        var alice = await SignedInAsync("alice", "group:wrCUSTOMERS01");

        var replies = await alice.ActAsync(Action("create_lead",
            ("name", "赵六"), ("phone", "13600002222"), ("company", "新能源公司"), ("industry", "能源"), ("stage", "qualified"), ("lang", "zh")));

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("已创建线索", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies[0].Actions, button => button.Payload["do"] == "link_chat");
        Assert.StartsWith("本聊天已关联到", replies[1].Text, StringComparison.Ordinal);
        var lead = (await alice.LeadAsync()).Lead!;
        Assert.Equal(("赵六", "新能源公司", "qualified", "Alice 李爱丽"), (lead.Name, lead.Company, lead.Stage, lead.Owner));
        var stored = await Store.ReadAsync(session => session.Leads.Find(lead.Number), default);
        Assert.Equal(("+8613600002222", "能源"), (stored!.Phone?.E164, stored.Industry));
    }

    [Fact]
    public async Task The_same_request_id_twice_logs_once_and_says_so()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "华为")));

        await alice.LogAsync("打了电话", id: "req-1");
        var retry = Assert.Single(await alice.LogAsync("打了电话", id: "req-1"));

        Assert.StartsWith("这条消息已经处理过了", retry.Text, StringComparison.Ordinal);
        var lead = (await alice.LeadAsync()).Lead!;
        Assert.Equal(2, (await Store.ReadAsync(session => session.FollowUps.ListForLead(lead.Number, 10), default)).Count);
    }

    [Fact]
    public async Task Each_member_has_their_own_link_for_the_same_customer()
    {
        var alice = await SignedInAsync("alice");
        var bob = await SignedInAsync("bob");
        await alice.ActAsync(Action("link_chat", ("lead", "华为")));

        var bobsView = await bob.LeadAsync();

        Assert.Equal(SidebarView.NoneLinked, bobsView.Link);
    }

    [Fact]
    public async Task A_lead_transferred_away_is_hidden_from_the_member_who_linked_it()
    {
        var alice = await SignedInAsync("alice");
        await alice.ActAsync(Action("link_chat", ("lead", "华为")));
        var number = (await alice.LeadAsync()).Lead!.Number;

        await _app.SayAsync("alice", $"把 {number} 转给 carol");

        var view = await alice.LeadAsync();
        Assert.Equal((SidebarView.Hidden, null), (view.Link, view.Lead));
    }
}
