using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Access;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Store;
using ChatCrm.IntegrationTests.WeCom;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Offboarding;

/// <summary>An admin offboards a colleague in chat; from that reply on, the colleague can do nothing anywhere.</summary>
public sealed class OffboardingConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new(settings: new Dictionary<string, string> { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" });

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    [Fact]
    public async Task The_very_next_message_after_the_admins_reply_is_refused()
    {
        var done = Assert.Single(await _app.SayAsync("admin", "/admin deactivate alice"));
        // No wait: the message goes in as soon as the admin has read the reply.
        var refused = Assert.Single(await _app.SayAsync("alice", "my leads"));

        Assert.StartsWith("已停用 Alice 李爱丽(alice)", done.Text, StringComparison.Ordinal);
        Assert.Equal(
            "Your ChatCrm account has been deactivated: you can no longer see or change anything. Please contact your admin if you think this is a mistake.",
            refused.Text);
    }

    [Fact]
    public async Task A_button_pressed_after_the_offboarding_changes_nothing()
    {
        var number = await Store.ReadAsync(session => session.Leads.List(new LeadQuery { OwnerKey = "alice", Limit = 1 })[0].Number, default);
        await _app.SayAsync("admin", "/admin deactivate alice pool");

        var refused = Assert.Single(await _app.PressAsync("alice", new Channels.Conversation.ReplyAction("Claim", new Dictionary<string, string> { ["do"] = "claim_lead", ["lead"] = number, ["lang"] = "en" })));

        Assert.StartsWith("Your ChatCrm account has been deactivated", refused.Text, StringComparison.Ordinal);
        Assert.Null((await Store.ReadAsync(session => session.Leads.Find(number), default))!.OwnerKey);
    }

    [Fact]
    public async Task The_reply_says_where_everything_went()
    {
        var done = Assert.Single(await _app.SayAsync("admin", "/admin deactivate alice"));

        Assert.Equal(("5 条转给经理 wang", "1", "0"), (done.Fact("线索"), done.Fact("撤回的分配"), done.Fact("吊销的合作方密钥")));
    }

    [Fact]
    public async Task Offboarding_a_manager_reminds_the_admin_to_give_the_team_a_new_one()
    {
        var done = Assert.Single(await _app.SayAsync("admin", "/admin deactivate wang"));

        Assert.Equal("east:请用 /admin team manager east <新经理> 指定新经理", done.Fact("仍由其管理的团队"));
    }

    [Fact]
    public async Task The_manager_reads_how_many_leads_are_theirs_now()
    {
        await _app.SayAsync("admin", "/admin deactivate alice");

        var notice = Assert.Single(await _app.InboxAsync("wang"), reply => reply.Text.Contains("已停用", StringComparison.Ordinal));

        Assert.Equal("Alice 李爱丽(alice)已停用,其 5 条未结束的线索已转给你。分配给其的 1 条线索已撤回并重新分配。", notice.Text);
        Assert.Equal("我的线索", Assert.Single(notice.Actions).Title);
    }

    [Fact]
    public async Task Only_admins_may_offboard()
    {
        var refused = Assert.Single(await _app.SayAsync("wang", "/admin deactivate alice"));

        Assert.Equal("抱歉,只有管理员可以这样做。", refused.Text);
        Assert.True((await Store.ReadAsync(session => session.People.FindUser("alice"), default))!.IsActive);
    }

    [Fact]
    public async Task Without_a_user_the_admin_gets_the_usage()
    {
        var usage = Assert.Single(await _app.SayAsync("admin", "/admin deactivate"));

        Assert.Equal("用法:" + Channels.Rendering.OffboardingReplies.DeactivateUsage, usage.Text);
    }

    [Fact]
    public async Task Reactivation_lets_them_talk_again_without_their_old_leads()
    {
        await _app.SayAsync("admin", "/admin deactivate alice");
        var back = Assert.Single(await _app.SayAsync("admin", "/admin reactivate alice"));

        var leads = Assert.Single(await _app.SayAsync("alice", "/leads"));

        Assert.StartsWith("已重新启用 Alice 李爱丽(alice)", back.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("deactivated", leads.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Store.ReadAsync(session => session.Leads.Count(new LeadQuery { OwnerKey = "alice" }), default));
    }

    [Fact]
    public async Task The_sidebar_refuses_an_offboarded_member_at_once()
    {
        var browser = new SidebarBrowser(_app);
        await browser.DevLoginAsync("alice");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetLeadAsync()).StatusCode);

        await _app.SayAsync("admin", "/admin deactivate alice");
        var refused = await browser.GetLeadAsync();

        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(("This ChatCrm account is deactivated.", true), (problem["title"]!.GetValue<string>(), problem["deactivated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task The_web_chat_inbox_of_an_offboarded_person_stays_shut()
    {
        await _app.SayAsync("admin", "/admin deactivate bob");

        Assert.Empty(await _app.InboxAsync("bob"));
    }
}

/// <summary>The Teams "My leads" tab refuses an offboarded person.</summary>
public sealed class OffboardedTabTests
{
    [Fact]
    public async Task The_tab_answers_403_from_the_offboardings_commit_on()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Teams:Enabled"] = "true", ["ChatCrm:WebChat:Enabled"] = "false" });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tabs/my-leads?user=alice")).StatusCode);
        var admin = await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.People.FindUser("admin")!, default);

        await app.Services.GetRequiredService<OffboardUser>().DeactivateAsync(new Actor(admin, "test", null), "alice", null, default);
        var refused = await client.GetAsync("/api/tabs/my-leads?user=alice");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
