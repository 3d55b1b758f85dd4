namespace ChatCrm.IntegrationTests;

/// <summary>When something is missing the bot asks for it, and the next message completes the request.</summary>
public sealed class FollowUpQuestionTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_reminder_without_a_time_asks_when_and_the_answer_sets_it()
    {
        var question = Assert.Single(await _app.SayAsync("carol", "提醒我给陈总打电话"));
        var set = Assert.Single(await _app.SayAsync("carol", "明天上午10点"));

        Assert.StartsWith("什么时候提醒你", question.Text, StringComparison.Ordinal);
        Assert.Equal("2026-11-19 10:00", set.Fact("时间"));
    }

    [Fact]
    public async Task A_stage_change_without_a_stage_offers_the_stages_as_buttons()
    {
        var question = Assert.Single(await _app.SayAsync("carol", "/stage 陈总"));
        var moved = Assert.Single(await _app.PressAsync("carol", question.Button("赢单")));

        Assert.Equal(7, question.Actions.Count);
        Assert.Equal("赢单", moved.Fact("阶段"));
        Assert.Equal("陈总", moved.Fact("客户"));
    }

    [Fact]
    public async Task An_amount_asked_for_is_read_from_the_answer()
    {
        await _app.SayAsync("carol", "/link 陈总");
        var question = Assert.Single(await _app.SayAsync("carol", "/amount"));
        var valued = Assert.Single(await _app.SayAsync("carol", "80万"));

        Assert.StartsWith("金额是多少", question.Text, StringComparison.Ordinal);
        Assert.Equal("¥800,000", valued.Fact("金额"));
    }

    [Fact]
    public async Task A_new_request_instead_of_an_answer_drops_the_question()
    {
        await _app.SayAsync("carol", "提醒我给陈总打电话");
        var list = Assert.Single(await _app.SayAsync("carol", "我的线索"));

        Assert.StartsWith("你的线索", list.Text, StringComparison.Ordinal);
        var after = Assert.Single(await _app.SayAsync("carol", "明天上午10点"));
        Assert.DoesNotContain("提醒", after.Text, StringComparison.Ordinal);
    }
}
