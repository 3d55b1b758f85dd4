using ChatCrm.Core.FollowUps;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>What the embedded interpreter makes of whole messages.</summary>
public sealed class EmbeddedInterpreterTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    [Theory]
    [InlineData("今天天气不错")]
    [InlineData("你好")]
    [InlineData("谢谢")]
    [InlineData("好的")]
    [InlineData("明天见")]
    [InlineData("我在开会")]
    [InlineData("晚上一起吃饭吗")]
    [InlineData("hello there")]
    [InlineData("thanks!")]
    [InlineData("I will call you later")]
    [InlineData("what's the weather like")]
    [InlineData("")]
    public void Small_talk_is_unknown(string said) =>
        Assert.IsType<UnknownIntent>(Interpret(said));

    [Theory]
    [InlineData("王总说不感兴趣", Interest.Low)]
    [InlineData("拜访了李总,他不太感兴趣", Interest.Low)]
    [InlineData("Called Ann, not interested", Interest.Low)]
    [InlineData("Called Ann, not very interested", Interest.Low)]
    [InlineData("Called Ann, no need right now", Interest.Low)]
    [InlineData("拜访了刘女士,她暂时没有需求", Interest.Low)]
    [InlineData("拜访了李总,他说考虑一下", Interest.Medium)]
    [InlineData("Called Ann, somewhat interested", Interest.Medium)]
    [InlineData("给王总打了电话,他非常感兴趣", Interest.High)]
    [InlineData("Called Ann, she is keen", Interest.High)]
    public void Negated_interest_is_low_not_high(string said, Interest expected) =>
        Assert.Equal(expected, Assert.IsType<LogFollowUpIntent>(Interpret(said)).Interest);

    [Theory]
    [InlineData("今天给王总打了电话", ContactChannel.Call)]
    [InlineData("上门拜访了刘女士", ContactChannel.Visit)]
    [InlineData("和高总微信聊了", ContactChannel.WeChat)]
    [InlineData("给陈总发了报价邮件", ContactChannel.Email)]
    [InlineData("和赵总开了个线上会议", ContactChannel.Meeting)]
    [InlineData("Had a video call with Tom", ContactChannel.Meeting)]
    [InlineData("Phoned Tom about pricing", ContactChannel.Call)]
    public void Channel_is_how_the_customer_was_reached(string said, ContactChannel expected) =>
        Assert.Equal(expected, Assert.IsType<LogFollowUpIntent>(Interpret(said)).Channel);

    [Theory]
    [InlineData("Had a great chat with Bob, he wants a demo next week")]
    [InlineData("跟王总聊了,他说下周签")]
    [InlineData("王总很感兴趣,下周三再联系")]
    [InlineData("follow up with Sarah next Tuesday")]
    public void Talking_with_a_customer_and_planning_the_next_step_is_a_follow_up(string said) =>
        Assert.IsType<LogFollowUpIntent>(Interpret(said));

    [Fact]
    public void Follow_up_summary_is_the_text_without_mentions() =>
        Assert.Equal("给王总打了电话,明天再跟进", Assert.IsType<LogFollowUpIntent>(Interpret("<at>ChatCrm</at> 给王总打了电话,明天再跟进 ")).Summary);

    [Theory]
    [InlineData("我的线索", "zh")]
    [InlineData("my leads", "en")]
    [InlineData("Called 王总", "zh")]
    public void Language_is_chinese_when_any_cjk_is_said(string said, string language) =>
        Assert.Equal(language, _interpreter.Interpret(new Utterance(said, Now)).Language);

    [Theory]
    [InlineData("撤销")]
    [InlineData("撤回")]
    [InlineData("undo")]
    [InlineData("undo that")]
    public void Undo_is_understood(string said) =>
        Assert.IsType<UndoIntent>(Interpret(said));

    [Theory]
    [InlineData("把张总转给我")]
    [InlineData("assign Acme to me")]
    public void Transfer_to_oneself_is_a_claim(string said) =>
        Assert.IsType<ClaimLeadIntent>(Interpret(said));

    [Fact]
    public void Counting_new_leads_is_a_report_not_a_new_lead() =>
        Assert.IsType<QueryReportIntent>(Interpret("上周新增商机TOP3行业"));

    [Fact]
    public void Reminder_text_is_the_task_without_the_time() =>
        Assert.Equal("给王总打电话", Assert.IsType<SetReminderIntent>(Interpret("明天上午9点提醒我给王总打电话")).Text);

    [Fact]
    public void Reminder_is_about_the_person_in_its_task() =>
        Assert.Equal("Ken", Assert.IsType<SetReminderIntent>(Interpret("remind me in 3 hours to email Ken")).LeadMention);

    [Fact]
    public async Task Async_interpretation_gives_the_same_understanding()
    {
        var utterance = new Utterance("把张伟转给李雷跟进", Now);

        var understanding = await _interpreter.InterpretAsync(utterance, CancellationToken.None);

        Assert.Equal(_interpreter.Interpret(utterance), understanding);
    }

    private Intent Interpret(string said) => _interpreter.Interpret(new Utterance(said, Now)).Intent;
}
