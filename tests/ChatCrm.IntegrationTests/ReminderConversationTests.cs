namespace ChatCrm.IntegrationTests;

/// <summary>Reminders set in a sentence arrive in the web chat inbox when due, once.</summary>
public sealed class ReminderConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_reminder_is_set_for_the_local_time_said()
    {
        var reply = Assert.Single(await _app.SayAsync("carol", "明天上午9点提醒我给陈总打电话"));

        Assert.Equal("2026-11-19 09:00", reply.Fact("时间"));
    }

    [Fact]
    public async Task A_due_reminder_reaches_the_inbox_once()
    {
        await _app.SayAsync("carol", "明天上午9点提醒我给陈总打电话");
        Assert.Empty(await _app.InboxAsync("carol"));

        _app.Clock.Advance(TimeSpan.FromHours(23).Add(TimeSpan.FromMinutes(1)));
        var delivered = await WaitForInboxAsync("carol");

        var notice = Assert.Single(delivered);
        Assert.StartsWith("⏰ 提醒", notice.Text, StringComparison.Ordinal);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await _app.InboxAsync("carol"));
    }

    [Fact]
    public async Task A_reminder_in_the_past_is_refused()
    {
        var reply = Assert.Single(await _app.SayAsync("carol", "提醒我今天上午8点开会"));

        Assert.Contains("需要在将来", reply.Text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Channels.Conversation.ChatReply>> WaitForInboxAsync(string user)
    {
        // The delivery job runs on its own timer once the fake clock passes its tick.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var inbox = await _app.InboxAsync(user);
            if (inbox.Count > 0)
            {
                return inbox;
            }

            await Task.Delay(100);
        }

        return [];
    }
}
