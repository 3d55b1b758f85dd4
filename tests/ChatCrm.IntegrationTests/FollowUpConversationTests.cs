using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>A salesperson logs follow-ups by typing, and reads back what was understood.</summary>
public sealed class FollowUpConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_sentence_in_Chinese_logs_a_follow_up_with_channel_interest_and_next_date()
    {
        var replies = await _app.SayAsync("alice", "今天下午给王总打了电话,他对报价很感兴趣,下周三再跟进");

        var reply = Assert.Single(replies);
        Assert.Equal("已记录对 王总 的跟进。", reply.Text);
        Assert.Equal("电话", reply.Fact("方式"));
        Assert.Equal("高", reply.Fact("意向"));
        Assert.Equal("2026-11-25", reply.Fact("下次跟进"));
        Assert.Contains("华为", reply.Fact("线索"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sentence_in_English_is_answered_in_English()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "Called John Smith at Acme, very interested, follow up next Tuesday"));

        Assert.Equal("Logged a follow-up with John Smith.", reply.Text);
        Assert.Equal("2026-11-24", reply.Fact("Next follow-up"));
    }

    [Fact]
    public async Task Undo_within_ten_minutes_removes_the_follow_up_and_restores_the_lead()
    {
        var logged = Assert.Single(await _app.SayAsync("alice", "给刘女士打了电话,她暂时没有需求"));
        Assert.Equal("已联系", logged.Fact("阶段"));
        _app.Clock.Advance(TimeSpan.FromMinutes(9));

        var undone = Assert.Single(await _app.PressAsync("alice", logged.Button("撤销")));

        Assert.StartsWith("已撤销", undone.Text, StringComparison.Ordinal);
        Assert.Equal("新线索", undone.Fact("阶段"));
    }

    [Fact]
    public async Task Undo_after_ten_minutes_is_refused_and_changes_nothing()
    {
        var logged = Assert.Single(await _app.SayAsync("alice", "给刘女士打了电话,她暂时没有需求"));
        _app.Clock.Advance(TimeSpan.FromMinutes(11));

        var refused = Assert.Single(await _app.PressAsync("alice", logged.Button("撤销")));

        Assert.Contains("10 分钟", refused.Text, StringComparison.Ordinal);
        var lead = logged.Fact("线索").Split(' ')[0];
        var followUps = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(s => s.FollowUps.ListForLead(lead, 10), default);
        Assert.Single(followUps);
    }

    [Fact]
    public async Task An_ambiguous_name_asks_which_lead_and_the_chosen_button_logs_it()
    {
        var question = Assert.Single(await _app.SayAsync("wang", "给王总打了电话,下周一再跟进"));

        Assert.StartsWith("有 3 个「王总」", question.Text, StringComparison.Ordinal);
        var answer = Assert.Single(await _app.PressAsync("wang", question.Button("王总 · 网易")));
        Assert.Equal("已记录对 王总 的跟进。", answer.Text);
        Assert.Contains("网易", answer.Fact("线索"), StringComparison.Ordinal);
        Assert.Equal("2026-11-23", answer.Fact("下次跟进"));
    }

    [Fact]
    public async Task A_linked_chat_takes_follow_ups_without_naming_the_customer()
    {
        var mine = Assert.Single(await _app.SayAsync("alice", "我的线索"));
        var zhangWei = mine.Facts.Single(fact => fact.Value.StartsWith("张伟", StringComparison.Ordinal)).Label;

        var linked = Assert.Single(await _app.SayAsync("alice", $"/link {zhangWei}"));
        var logged = Assert.Single(await _app.SayAsync("alice", "刚打了电话,他说预算批下来了,下周一再跟进"));

        Assert.StartsWith("This chat is now linked to " + zhangWei, linked.Text, StringComparison.Ordinal); // alice reads English
        Assert.StartsWith(zhangWei, logged.Fact("线索"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_for_nobody_named_in_an_unlinked_chat_asks_which_lead()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "刚打了电话,下周一再跟进"));

        Assert.Contains("/link", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_owned_by_someone_else_is_not_found_for_a_salesperson()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "给孙经理打了电话")); // bob's lead

        Assert.Contains("没有找到", reply.Text, StringComparison.Ordinal);
    }
}
