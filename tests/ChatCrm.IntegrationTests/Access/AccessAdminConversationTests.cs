using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Access;

/// <summary>
/// Admins shape the organisation from the chat, and what they change holds at once in what people
/// can see; phones stay masked except through an audited reveal (demo data: east has wang, alice and
/// bob, south has chen, carol and dave; 张伟 is alice's, with a phone).
/// </summary>
public sealed class AccessAdminConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    [Fact]
    public async Task An_admin_adds_a_finance_clerk_who_then_sees_every_lead_but_moves_no_stage()
    {
        var added = Assert.Single(await _app.SayAsync("admin", "/admin user add qian 钱会计 position=finance"));
        var sees = Assert.Single(await _app.SayAsync("qian", "/leads stale"));
        var moved = Assert.Single(await _app.SayAsync("qian", "/stage 张伟 won"));

        Assert.StartsWith("已添加 user:qian", added.Text, StringComparison.Ordinal);
        Assert.Contains("position=finance", added.Fact("现在"), StringComparison.Ordinal);
        Assert.NotEmpty(sees.Facts);
        Assert.Contains("没有权限", moved.Text, StringComparison.Ordinal);
        var entry = await Store.ReadAsync(session => session.Audit.RecentBy("admin", "webchat:admin:c1", ChatCrmApp.Start.AddHours(-1), 5), default);
        Assert.Contains(entry, audited => audited.Action == AuditActions.AddUser && audited.Subject == "user:qian" && audited.BeforeText is null && audited.AfterText!.Contains("position=finance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Granting_a_salesperson_team_view_lets_them_see_a_teammates_lead_at_once()
    {
        var before = Assert.Single(await _app.SayAsync("bob", "/link 张伟", conversation: "bob-chat"));
        var granted = Assert.Single(await _app.SayAsync("admin", "/admin user grant bob view team"));
        var after = Assert.Single(await _app.SayAsync("bob", "/link 张伟", conversation: "bob-chat"));
        var shown = Assert.Single(await _app.SayAsync("admin", "/admin user show bob"));

        Assert.StartsWith("I couldn't find", before.Text, StringComparison.Ordinal);
        Assert.Equal("position=sales team=east region=- own=view:team", granted.Fact("之后"));
        Assert.DoesNotContain("couldn't find", after.Text, StringComparison.Ordinal);
        Assert.Equal("view:team", shown.Fact("个人调整"));
    }

    [Fact]
    public async Task A_lead_outside_ones_scope_answers_exactly_like_a_lead_that_does_not_exist()
    {
        var outside = Assert.Single(await _app.SayAsync("carol", "/claim 张伟"));
        var missing = Assert.Single(await _app.SayAsync("carol", "/claim 不存在的客户"));

        Assert.Equal(missing.Text.Replace("不存在的客户", "张伟", StringComparison.Ordinal), outside.Text);
    }

    [Fact]
    public async Task An_admin_changes_their_own_permissions_only_with_a_reason_and_another_admins_approval()
    {
        await _app.SayAsync("admin", "/admin user add admin2 二号管理员 position=admin");
        var noReason = Assert.Single(await _app.SayAsync("admin", "/admin user grant admin claim all"));
        var card = Assert.Single(await _app.SayAsync("admin", "/admin user grant admin claim all reason=接手华南公海"));
        var unchanged = Assert.Single(await _app.SayAsync("admin2", "/admin user show admin"));

        Assert.Contains("需要第二个人批准", noReason.Text, StringComparison.Ordinal);
        Assert.Contains("修改自己的权限", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("claim", unchanged.Fact("实际权限"), StringComparison.Ordinal);

        await _app.SayAsync("admin", "/confirm " + card.Fact("确认码"));
        var approval = Assert.Single(await _app.InboxAsync("admin2"));
        var approved = Assert.Single(await _app.PressAsync("admin2", approval.Button("批准")));
        var changed = Assert.Single(await _app.SayAsync("admin2", "/admin user show admin"));

        Assert.StartsWith("已批准", approved.Text, StringComparison.Ordinal);
        Assert.Contains("claim:all", changed.Fact("实际权限"), StringComparison.Ordinal);
        var entries = await Store.ReadAsync(session => session.Audit.RecentBy("admin", null, ChatCrmApp.Start.AddHours(-1), 20), default);
        Assert.Contains(entries, entry => entry.Action == AuditActions.GrantUser && entry.Subject == "user:admin" && entry.AfterText!.Contains("claim:all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_the_position_one_holds_is_a_change_to_ones_own_permissions()
    {
        await _app.SayAsync("admin", "/admin user add admin2 二号管理员 position=admin");
        var own = Assert.Single(await _app.SayAsync("admin", "/admin position grant admin claim all"));
        var other = Assert.Single(await _app.SayAsync("admin2", "/admin user grant admin claim all"));

        Assert.Contains("需要第二个人批准", own.Text, StringComparison.Ordinal);
        Assert.StartsWith("已修改 user:admin", other.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_position_changed_by_an_admin_changes_what_its_holders_may_do()
    {
        var before = Assert.Single(await _app.SayAsync("wang", "/phone 张伟"));
        var revoked = Assert.Single(await _app.SayAsync("admin", "/admin position revoke sales_manager phone"));
        var after = Assert.Single(await _app.SayAsync("wang", "/phone 张伟"));
        var listed = Assert.Single(await _app.SayAsync("admin", "/admin position list"));

        Assert.StartsWith("L-", before.Text, StringComparison.Ordinal);
        Assert.Contains("phone:team", revoked.Fact("之前"), StringComparison.Ordinal);
        Assert.DoesNotContain("phone:", revoked.Fact("之后"), StringComparison.Ordinal);
        Assert.Contains("没有权限", after.Text, StringComparison.Ordinal);
        Assert.Contains(listed.Facts, fact => fact.Label.StartsWith("sales_manager", StringComparison.Ordinal) && fact.Label.Contains("已修改", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Phones_are_masked_in_replies_and_a_reveal_shows_the_full_number_once_audited()
    {
        var card = Assert.Single(await _app.SayAsync("alice", "/stage 张伟 qualified"));
        var revealed = Assert.Single(await _app.SayAsync("alice", "/phone 张伟"));
        var lead = card.Fact("Lead");

        Assert.Equal("138****8003", card.Fact("Phone"));
        Assert.Equal("+8613800138003", revealed.Fact("Phone"));
        var history = await Store.ReadAsync(session => session.Audit.ForLead(lead, 10), default);
        var reveal = Assert.Single(history, entry => entry.Action == AuditActions.RevealContact);
        Assert.Equal("alice", reveal.ActorKey);
        Assert.DoesNotContain("8003", reveal.Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intern_sees_only_masked_phones_and_may_not_reveal()
    {
        await _app.SayAsync("admin", "/admin user add xiao 小新 team=east position=intern");
        var created = Assert.Single(await _app.SayAsync("xiao", "新建线索:赵六,13700001111,字节"));
        var reveal = Assert.Single(await _app.SayAsync("xiao", "/phone 赵六"));

        Assert.Equal("137****1111", created.Fact("电话"));
        Assert.Contains("没有权限", reveal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_manager_sees_every_team_of_their_region_and_no_other()
    {
        await _app.SayAsync("admin", "/admin team add jiangsu wang region=east-china 江苏组");
        await _app.SayAsync("admin", "/admin user add zhou 周总 position=regional_manager");
        var region = Assert.Single(await _app.SayAsync("admin", "/admin user region zhou east-china"));
        var east = Assert.Single(await _app.SayAsync("zhou", "/link 张伟", conversation: "zhou-1"));
        var south = Assert.Single(await _app.SayAsync("zhou", "/link 陈总", conversation: "zhou-2"));

        Assert.Contains("region=east-china", region.Fact("之后"), StringComparison.Ordinal);
        Assert.DoesNotContain("没有找到", east.Text, StringComparison.Ordinal);
        Assert.StartsWith("没有找到", south.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_manage_the_organisation_and_bad_words_are_explained()
    {
        var refused = Assert.Single(await _app.SayAsync("wang", "/admin position list"));
        var badScope = Assert.Single(await _app.SayAsync("admin", "/admin position grant sales view everywhere"));
        var badPosition = Assert.Single(await _app.SayAsync("admin", "/admin user position bob ceo"));

        Assert.Contains("只有管理员", refused.Text, StringComparison.Ordinal);
        Assert.Contains("范围", badScope.Text, StringComparison.Ordinal);
        Assert.Contains("ceo", badPosition.Text, StringComparison.Ordinal);
    }
}
