using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Dates and times said in Chinese and English resolve against the message's own moment and offset.</summary>
public sealed class DateTimeGrammarTests
{
    private const string Wednesday = "2026-11-18T10:00:00+08:00";
    private const string Sunday = "2026-11-15T11:00:00+08:00";

    [Theory]
    [InlineData("下周二再跟进", Sunday, "2026-11-17")]
    [InlineData("周三", "2026-11-18T09:00:00+08:00", "2026-11-18")]
    [InlineData("下周三", "2026-11-18T09:00:00+08:00", "2026-11-25")]
    [InlineData("周五", Wednesday, "2026-11-20")]
    [InlineData("星期五", Wednesday, "2026-11-20")]
    [InlineData("礼拜五", Wednesday, "2026-11-20")]
    [InlineData("周一", Wednesday, "2026-11-23")]
    [InlineData("周日", Sunday, "2026-11-15")]
    [InlineData("下周日", Sunday, "2026-11-22")]
    [InlineData("下周一", Sunday, "2026-11-16")]
    [InlineData("下下周一", Wednesday, "2026-11-30")]
    [InlineData("Friday", Wednesday, "2026-11-20")]
    [InlineData("on Friday", Wednesday, "2026-11-20")]
    [InlineData("on Wednesday", Wednesday, "2026-11-18")]
    [InlineData("next Tuesday", Wednesday, "2026-11-24")]
    [InlineData("next Sunday", Sunday, "2026-11-22")]
    [InlineData("Monday", "2026-07-03T16:00:00+01:00", "2026-07-06")]
    public void Weekday_is_the_next_such_day_and_next_weekday_is_in_the_following_week(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("明天", "2026-12-31T09:00:00+08:00", "2027-01-01")]
    [InlineData("tomorrow", "2026-12-31T09:00:00+08:00", "2027-01-01")]
    [InlineData("后天", Wednesday, "2026-11-20")]
    [InlineData("大后天", Wednesday, "2026-11-21")]
    [InlineData("the day after tomorrow", Wednesday, "2026-11-20")]
    [InlineData("3天后", Wednesday, "2026-11-21")]
    [InlineData("三天后", Wednesday, "2026-11-21")]
    [InlineData("一周后", Wednesday, "2026-11-25")]
    [InlineData("两周后", Wednesday, "2026-12-02")]
    [InlineData("in 3 days", Wednesday, "2026-11-21")]
    [InlineData("in a week", Wednesday, "2026-11-25")]
    [InlineData("in 2 weeks", Wednesday, "2026-12-02")]
    [InlineData("过两天", Wednesday, "2026-11-20")]
    public void Relative_days_count_from_the_local_date(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("月底", "2026-02-10T10:00:00+08:00", "2026-02-28")]
    [InlineData("月底", "2028-02-10T10:00:00+08:00", "2028-02-29")]
    [InlineData("下个月底", "2026-12-20T10:00:00+08:00", "2027-01-31")]
    [InlineData("end of month", "2026-04-03T10:00:00+00:00", "2026-04-30")]
    [InlineData("end of the month", "2026-11-18T10:00:00-05:00", "2026-11-30")]
    [InlineData("年底", "2026-11-18T10:00:00+08:00", "2026-12-31")]
    [InlineData("下个月5号", "2026-12-18T10:00:00+08:00", "2027-01-05")]
    [InlineData("12月3号", Wednesday, "2026-12-03")]
    [InlineData("12月3日", Wednesday, "2026-12-03")]
    [InlineData("十二月三号", Wednesday, "2026-12-03")]
    [InlineData("3月1号", "2026-11-18T10:00:00+08:00", "2027-03-01")]
    [InlineData("12/3", Wednesday, "2026-12-03")]
    [InlineData("Dec 3", Wednesday, "2026-12-03")]
    [InlineData("December 3rd", Wednesday, "2026-12-03")]
    [InlineData("3 Dec", Wednesday, "2026-12-03")]
    [InlineData("Dec 3", "2026-12-15T10:00:00+00:00", "2027-12-03")]
    [InlineData("Nov 18", Wednesday, "2026-11-18")]
    [InlineData("2027-01-15", Wednesday, "2027-01-15")]
    [InlineData("25号", Wednesday, "2026-11-25")]
    [InlineData("10号", Wednesday, "2026-12-10")]
    public void Calendar_dates_are_the_next_such_date_rolling_into_next_year(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("明天上午10点", Wednesday, "2026-11-19T10:00")]
    [InlineData("明天10点半", Wednesday, "2026-11-19T10:30")]
    [InlineData("明天三点半", Wednesday, "2026-11-19T15:30")]
    [InlineData("下周五下午两点", Wednesday, "2026-11-27T14:00")]
    [InlineData("明晚8点", Wednesday, "2026-11-19T20:00")]
    [InlineData("明天晚上8点", Wednesday, "2026-11-19T20:00")]
    [InlineData("明天上午9:30", Wednesday, "2026-11-19T09:30")]
    [InlineData("明天中午", Wednesday, "2026-11-19T12:00")]
    [InlineData("明天15:00", Wednesday, "2026-11-19T15:00")]
    [InlineData("tomorrow at 3pm", Wednesday, "2026-11-19T15:00")]
    [InlineData("tomorrow at 3:30pm", Wednesday, "2026-11-19T15:30")]
    [InlineData("next Monday at 10am", Wednesday, "2026-11-23T10:00")]
    [InlineData("tomorrow at 10", Wednesday, "2026-11-19T10:00")]
    [InlineData("tomorrow at noon", Wednesday, "2026-11-19T12:00")]
    [InlineData("at 10am tomorrow", Wednesday, "2026-11-19T10:00")]
    [InlineData("tonight at 8", Wednesday, "2026-11-18T20:00")]
    [InlineData("下午3点", Wednesday, "2026-11-18T15:00")]
    [InlineData("上午9点", Wednesday, "2026-11-19T09:00")]
    public void A_time_said_with_a_day_gives_date_and_time(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("in 3 hours", "2026-11-18T22:00:00-08:00", "2026-11-19T01:00")]
    [InlineData("in 2 hours", Wednesday, "2026-11-18T12:00")]
    [InlineData("in 30 minutes", Wednesday, "2026-11-18T10:30")]
    [InlineData("in half an hour", "2026-12-31T23:45:00+00:00", "2027-01-01T00:15")]
    [InlineData("2小时后", Wednesday, "2026-11-18T12:00")]
    [InlineData("两个小时后", "2026-11-18T23:30:00+08:00", "2026-11-19T01:30")]
    [InlineData("30分钟后", Wednesday, "2026-11-18T10:30")]
    [InlineData("半小时后", Wednesday, "2026-11-18T10:30")]
    [InlineData("一个半小时后", Wednesday, "2026-11-18T11:30")]
    public void Hours_and_minutes_from_now_give_a_moment_on_the_local_clock(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("明天", "2026-11-18T21:00:00-05:00", "2026-11-19")]
    [InlineData("tomorrow", "2026-11-19T01:00:00+09:00", "2026-11-20")]
    [InlineData("周五", "2026-11-19T01:00:00+09:00", "2026-11-20")]
    public void The_offset_of_now_decides_what_today_is(string said, string now, string expected) =>
        Assert.Equal(expected, Resolve(said, now));

    [Theory]
    [InlineData("今天天气不错")]
    [InlineData("聊了一点点")]
    [InlineData("哪些客户超过7天没跟进了")]
    [InlineData("I may call")]
    public void Words_that_only_look_like_time_are_not_moments(string said)
    {
        var mentions = DateTimeGrammar.FindAll(said, DateTimeOffset.Parse(Wednesday));

        Assert.DoesNotContain(mentions, mention => mention.IsUpcoming(DateTimeOffset.Parse(Wednesday)));
    }

    [Fact]
    public void The_next_step_is_the_last_moment_still_ahead_not_when_the_contact_happened()
    {
        var now = DateTimeOffset.Parse(Wednesday);
        var mentions = DateTimeGrammar.FindAll("今天下午给王总打了电话,下周三再跟进", now);

        Assert.Equal("2026-11-25", DateTimeGrammar.FindLast(mentions, now)?.Moment.ToString());
    }

    private static string? Resolve(string said, string now)
    {
        var moments = DateTimeGrammar.FindAll(said, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        return moments.Count > 0 ? moments[0].Moment.ToString() : null;
    }
}
