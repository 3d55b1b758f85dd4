using ChatCrm.Core.Reports;

namespace ChatCrm.Core.Tests.Reports;

/// <summary>Periods on the organisation's calendar: ISO weeks, months, quarters, explicit dates, and the one before each.</summary>
public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Sunday 2027-01-03 00:30 in Shanghai is still Saturday evening in UTC.
    private static readonly DateTimeOffset Now = new(2027, 1, 2, 16, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("today", "2027-01-03", "2027-01-03")]
    [InlineData("this_week", "2026-12-28", "2027-01-03")]
    [InlineData("last-week", "2026-12-21", "2026-12-27")]
    [InlineData("this_month", "2027-01-01", "2027-01-31")]
    [InlineData("上个月", "2026-12-01", "2026-12-31")]
    [InlineData("last_quarter", "2026-10-01", "2026-12-31")]
    [InlineData("this_year", "2027-01-01", "2027-12-31")]
    [InlineData("2026-11-01..2026-11-15", "2026-11-01", "2026-11-15")]
    [InlineData("2026-11-03", "2026-11-03", "2026-11-03")]
    public void A_period_is_its_days_on_the_organisations_calendar(string said, string first, string last)
    {
        var period = ReportPeriod.Resolve(said, Now, Shanghai)!;

        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (period.FirstDay, period.LastDay));
        Assert.Equal(TimeSpan.FromHours(8), period.From.Offset);
        Assert.Equal(period.From.AddDays(period.Days), period.To);
    }

    [Fact]
    public void The_previous_period_is_of_the_same_kind()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), ReportPeriod.Resolve("this_month", Now, Shanghai)!.Previous(Shanghai).FirstDay);
        Assert.Equal(new DateOnly(2026, 12, 31), ReportPeriod.Resolve("this_month", Now, Shanghai)!.Previous(Shanghai).LastDay);
        Assert.Equal(new DateOnly(2026, 12, 21), ReportPeriod.Resolve("this_week", Now, Shanghai)!.Previous(Shanghai).FirstDay);
        Assert.Equal(new DateOnly(2026, 10, 17), ReportPeriod.Resolve("2026-11-01..2026-11-15", Now, Shanghai)!.Previous(Shanghai).FirstDay);
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("2026-11-15..2026-11-01")]
    public void A_word_that_is_no_period_is_refused(string said)
    {
        Assert.Null(ReportPeriod.Resolve(said, Now, Shanghai));
    }
}
