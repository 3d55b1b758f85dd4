using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>Leads wait for the team's day; nobody is offered a lead at night; claim windows count working time.</summary>
public sealed class WorkingHoursTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingHours Shanghai = WorkingHours.Default("Asia/Shanghai");

    [Theory]
    [InlineData("2026-11-18T09:00:00+08:00", true)]
    [InlineData("2026-11-18T17:59:59+08:00", true)]
    [InlineData("2026-11-18T18:00:00+08:00", false)]
    [InlineData("2026-11-18T08:59:00+08:00", false)]
    [InlineData("2026-11-21T10:00:00+08:00", false)]
    [InlineData("2026-11-18T02:00:00+00:00", true)]
    public void Open_hours_are_read_on_the_team_s_clock(string moment, bool open) =>
        Assert.Equal(open, Shanghai.IsOpen(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-18T22:00:00+08:00", "2026-11-19T09:00:00+08:00")]
    [InlineData("2026-11-20T18:30:00+08:00", "2026-11-23T09:00:00+08:00")]
    [InlineData("2026-11-22T07:00:00+08:00", "2026-11-23T09:00:00+08:00")]
    [InlineData("2026-11-19T06:00:00+08:00", "2026-11-19T09:00:00+08:00")]
    public void The_next_opening_is_the_next_working_day_s_start(string moment, string opening) =>
        Assert.Equal(Parse(opening), Shanghai.NextOpening(Parse(moment)));

    [Fact]
    public void A_claim_window_that_reaches_the_close_goes_on_next_working_morning() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 20, 0, Beijing), Shanghai.AddWorkingTime(new DateTimeOffset(2026, 11, 20, 17, 50, 0, Beijing), TimeSpan.FromMinutes(30)));

    [Fact]
    public void Hours_in_another_zone_follow_that_zone()
    {
        var london = new WorkingHours("Europe/London", WorkingHours.Weekdays, new TimeOnly(9, 0), new TimeOnly(17, 30));

        Assert.False(london.IsOpen(new DateTimeOffset(2026, 11, 18, 10, 0, 0, Beijing)));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), london.NextOpening(new DateTimeOffset(2026, 11, 18, 10, 0, 0, Beijing)));
    }

    [Theory]
    [InlineData("Mars/Olympus", "not a known time zone")]
    [InlineData("Asia/Shanghai", "start before it ends")]
    public void Unusable_hours_say_what_is_wrong(string zone, string problem)
    {
        var hours = new WorkingHours(zone, WorkingHours.Weekdays, new TimeOnly(18, 0), new TimeOnly(zone == "Asia/Shanghai" ? 9 : 20, 0));

        Assert.Contains(problem, hours.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_at_22_00_waits_and_is_offered_at_09_00_the_next_working_day_with_nobody_offered_at_night()
    {
        using var desk = new AssignmentDesk(new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 22, 0, 0, Beijing)));
        var number = await desk.IntakeAsync("夜里来的客户");

        Assert.Equal(AssignmentMoveKind.Waiting, Assert.Single(await desk.RunAsync()).Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 9, 0, 0, Beijing), (await desk.AssignmentAsync(number)).NextCheckAt);
        for (var hour = 0; hour < 10; hour++)
        {
            desk.Clock.Advance(TimeSpan.FromMinutes(59));
            Assert.DoesNotContain(await desk.RunAsync(), move => move.Kind == AssignmentMoveKind.Offered);
        }

        Assert.Empty(await desk.NoticesAsync("alice", Notices.LeadOffered));
        desk.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 9, 0, 0, Beijing));
        var move = Assert.Single(await desk.RunAsync());

        Assert.Equal((AssignmentMoveKind.Offered, "alice"), (move.Kind, move.UserKey));
        var steps = (await desk.AssignmentAsync(number)).Steps.Select(step => step.Kind);
        Assert.Equal([AssignmentStepKind.Matched, AssignmentStepKind.Waiting, AssignmentStepKind.Offered, AssignmentStepKind.Notified], steps);
    }

    [Fact]
    public async Task An_offer_made_at_17_50_on_friday_is_not_passed_on_until_monday_morning()
    {
        using var desk = new AssignmentDesk(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 17, 50, 0, Beijing)));
        var number = await desk.IntakeAsync("周五的客户");
        await desk.RunAsync();

        desk.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 19, 0, Beijing));
        Assert.Empty(await desk.RunAsync());
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var move = Assert.Single(await desk.RunAsync());

        Assert.Equal("bob", move.UserKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 20, 0, Beijing), (await desk.AssignmentAsync(number)).Offers[0].ClaimBy);
    }

    [Fact]
    public async Task A_team_s_own_hours_decide_when_its_leads_are_offered()
    {
        using var desk = new AssignmentDesk();
        var nights = new WorkingHours("Asia/Shanghai", WorkingHours.Weekdays, new TimeOnly(20, 0), new TimeOnly(23, 0));
        await desk.UseRulebookAsync([], new Dictionary<string, WorkingHours> { ["east"] = nights });

        var number = await desk.IntakeAsync("晚班客户");
        await desk.RunAsync();

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 20, 0, 0, Beijing), (await desk.AssignmentAsync(number)).NextCheckAt);
    }

    private static DateTimeOffset Parse(string moment) => DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture);
}
