using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// A due reminder in the web chat, turn by turn: its card's Done and snooze buttons work through
/// /api/webchat, as do /reminders, /reminder done|snooze and /quiet typed out.
/// </summary>
public sealed class ReminderButtonConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Done_on_a_due_reminder_closes_it_and_pressing_it_again_says_so()
    {
        var card = await DueCardAsync("carol", "今天上午11点提醒我给陈总打电话");

        var done = Assert.Single(await _app.PressAsync("carol", card.Actions[0]));
        var again = Assert.Single(await _app.PressAsync("carol", card.Actions[0]));

        Assert.Equal(["完成", "1小时后", "明天9点"], card.Actions.Select(action => action.Title));
        Assert.Equal("✅ 已完成:给陈总打电话", done.Text);
        Assert.StartsWith("这条提醒已经完成了", again.Text, StringComparison.Ordinal);
        Assert.Equal(ReminderState.Done, (await ReminderAsync(card)).State);
    }

    [Fact]
    public async Task A_reminder_snoozed_for_an_hour_comes_back_once_an_hour_later()
    {
        var card = await DueCardAsync("carol", "今天上午11点提醒我给陈总打电话");

        var snoozed = Assert.Single(await _app.PressAsync("carol", card.Actions[1]));
        _app.Clock.Advance(TimeSpan.FromMinutes(59));
        await DeliverDueAsync();
        var early = await _app.InboxAsync("carol");
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverDueAsync();
        var onTime = await _app.InboxAsync("carol");
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverDueAsync();

        Assert.StartsWith("好的,1 小时后(2026-11-18 12:01)再提醒你", snoozed.Text, StringComparison.Ordinal);
        Assert.Empty(early);
        Assert.Equal("⏰ 提醒:给陈总打电话", Assert.Single(onTime).Text);
        Assert.Empty(await _app.InboxAsync("carol"));
    }

    [Fact]
    public async Task A_done_reminder_is_not_snoozed()
    {
        var card = await DueCardAsync("carol", "今天上午11点提醒我给陈总打电话");
        await _app.PressAsync("carol", card.Actions[0]);

        var refused = Assert.Single(await _app.PressAsync("carol", card.Actions[2]));

        Assert.Contains("已经完成了,不能再推迟", refused.Text, StringComparison.Ordinal);
        Assert.Equal(ReminderState.Done, (await ReminderAsync(card)).State);
    }

    [Fact]
    public async Task Reminders_lists_mine_soonest_first_each_with_its_buttons()
    {
        await _app.SayAsync("carol", "明天上午9点提醒我给陈总打电话");
        await _app.SayAsync("carol", "今天下午3点提醒我准备报价");

        var listed = await _app.SayAsync("carol", "/reminders");

        Assert.Equal(3, listed.Count);
        Assert.Equal(["⏰ 准备报价", "⏰ 给陈总打电话"], listed.Skip(1).Select(reply => reply.Text));
        Assert.All(listed.Skip(1), reply => Assert.Equal(3, reply.Actions.Count));
    }

    [Fact]
    public async Task A_typed_command_with_the_short_id_closes_and_snoozes()
    {
        await _app.SayAsync("carol", "今天下午3点提醒我准备报价");
        var shortId = (await _app.SayAsync("carol", "/reminders"))[1].Facts.Single(fact => fact.Label == "编号").Value;

        var snoozed = Assert.Single(await _app.SayAsync("carol", $"/reminder snooze {shortId} tomorrow"));
        var done = Assert.Single(await _app.SayAsync("carol", $"/reminder done {shortId}"));
        var unknown = Assert.Single(await _app.SayAsync("carol", "/reminder done ffffffff"));

        Assert.StartsWith("好的,明天 9 点(2026-11-19 09:00)再提醒你", snoozed.Text, StringComparison.Ordinal);
        Assert.Equal("✅ 已完成:准备报价", done.Text);
        Assert.StartsWith("没有找到编号为「ffffffff」的提醒", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_reminder_is_not_theirs_to_close()
    {
        await _app.SayAsync("carol", "今天下午3点提醒我准备报价");
        var shortId = (await _app.SayAsync("carol", "/reminders"))[1].Facts.Single(fact => fact.Label == "编号").Value;

        var refused = Assert.Single(await _app.SayAsync("wang", $"/reminder done {shortId}"));

        Assert.Contains("不是你的", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_shows_sets_and_turns_off_quiet_hours()
    {
        var shown = Assert.Single(await _app.SayAsync("carol", "/quiet"));
        var set = Assert.Single(await _app.SayAsync("carol", "/quiet 22:00-07:30"));
        var refused = Assert.Single(await _app.SayAsync("carol", "/quiet 25:00-07:00"));
        var off = Assert.Single(await _app.SayAsync("carol", "/quiet off"));

        Assert.StartsWith("你的免打扰时间是 21:00–08:00(Asia/Shanghai),默认设置。", shown.Text, StringComparison.Ordinal);
        Assert.StartsWith("好的,免打扰时间已设为 22:00–07:30(Asia/Shanghai)。", set.Text, StringComparison.Ordinal);
        Assert.StartsWith("看不懂「25:00-07:00」", refused.Text, StringComparison.Ordinal);
        Assert.StartsWith("好的,已关闭免打扰", off.Text, StringComparison.Ordinal);
    }

    /// <summary>Sets a reminder an hour ahead, lets it come due and takes its card from the inbox.</summary>
    private async Task<ChatReply> DueCardAsync(string user, string sentence)
    {
        await _app.SayAsync(user, sentence);
        _app.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(1)));
        await DeliverDueAsync();
        return Assert.Single(await _app.InboxAsync(user));
    }

    // The delivery job runs the same use case on its own timer; running it here makes the test wait for nothing.
    private Task DeliverDueAsync() => _app.Services.GetRequiredService<DeliverDueReminders>().HandleAsync(default);

    private Task<Reminder> ReminderAsync(ChatReply card) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Reminders.Find(Guid.Parse(card.Actions[0].Payload["reminder"]))!, default);
}
