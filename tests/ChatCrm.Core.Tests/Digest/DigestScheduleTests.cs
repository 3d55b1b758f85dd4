using ChatCrm.Core.Digest;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Digest;

public sealed class DigestScheduleTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // Thursday 2026-11-19 in Shanghai.
    private static DateTimeOffset Thursday(int hour, int minute = 0) => new(2026, 11, 19, hour, minute, 0, Shanghai);

    [Fact]
    public async Task The_manager_gets_the_digest_at_eight_on_a_weekday()
    {
        using var digest = new DigestWorld(Thursday(7, 45));
        await digest.RunAsync();
        Assert.Empty(await digest.DigestsForAsync(Wang.Key));

        await digest.RunAtAsync(Thursday(8, 0));

        var notice = Assert.Single(await digest.DigestsForAsync(Wang.Key));
        Assert.Equal("2026-11-18", notice.Args["day"]);
    }

    [Fact]
    public async Task No_digest_on_a_weekend()
    {
        using var digest = new DigestWorld(new DateTimeOffset(2026, 11, 21, 8, 0, 0, Shanghai));
        await digest.RunAsync();
        await digest.RunAtAsync(new DateTimeOffset(2026, 11, 22, 9, 0, 0, Shanghai));

        Assert.Empty(await digest.DigestsForAsync(Wang.Key));
    }

    [Fact]
    public async Task A_day_gets_one_digest_however_often_the_job_runs()
    {
        using var digest = new DigestWorld(Thursday(8, 0));
        await digest.RunAsync();
        await digest.RunAsync();
        await digest.RunAtAsync(Thursday(8, 15));
        await digest.RunAtAsync(Thursday(12, 0));
        Assert.Single(await digest.DigestsForAsync(Wang.Key));

        await digest.RunAtAsync(Thursday(8, 0).AddDays(1));

        Assert.Equal(["2026-11-18", "2026-11-19"], (await digest.DigestsForAsync(Wang.Key)).Select(notice => notice.Args["day"]));
    }

    [Fact]
    public async Task A_missed_run_is_caught_up_later_that_morning()
    {
        using var digest = new DigestWorld(Thursday(11, 30));

        await digest.RunAsync();

        Assert.Single(await digest.DigestsForAsync(Wang.Key));
    }

    [Fact]
    public async Task A_digest_missed_until_the_working_day_ends_is_skipped()
    {
        using var digest = new DigestWorld(Thursday(18, 0));

        await digest.RunAsync();

        Assert.Empty(await digest.DigestsForAsync(Wang.Key));
    }

    [Fact]
    public async Task A_team_whose_manager_is_unknown_sends_its_digest_to_the_admins()
    {
        // Team south's manager "chen" is not a user in this organisation.
        using var digest = new DigestWorld(Thursday(8, 0));

        await digest.RunAsync();

        Assert.Equal(["south"], (await digest.DigestsForAsync(Admin.Key)).Select(notice => notice.Args["team"]));
    }

    [Fact]
    public async Task A_team_with_its_own_digest_time_gets_it_then()
    {
        var settings = DigestSettings.Default with { AtByTeam = new Dictionary<string, TimeOnly> { ["east"] = new(7, 30) } };
        using var digest = new DigestWorld(Thursday(7, 30), settings);

        await digest.RunAsync();

        Assert.Single(await digest.DigestsForAsync(Wang.Key));
        Assert.Empty(await digest.DigestsForAsync(Admin.Key));
    }

    [Theory]
    [InlineData("2026-10-30T11:45:00Z", false)] // Friday 07:45 EDT, before the change
    [InlineData("2026-10-30T12:00:00Z", true)] // Friday 08:00 EDT
    [InlineData("2026-11-02T12:00:00Z", false)] // Monday 07:00 EST, after the change: 12:00 UTC is no longer 08:00
    [InlineData("2026-11-02T13:00:00Z", true)] // Monday 08:00 EST
    public async Task In_New_York_the_digest_follows_the_local_clock_across_the_daylight_saving_change(string utc, bool sent)
    {
        using var digest = new DigestWorld(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        await digest.UseZoneAsync("east", "America/New_York");

        await digest.RunAsync();

        Assert.Equal(sent ? 1 : 0, (await digest.DigestsForAsync(Wang.Key)).Count);
    }

    [Fact]
    public async Task In_New_York_yesterday_is_the_25_hour_Sunday_of_the_change()
    {
        using var digest = new DigestWorld(DateTimeOffset.Parse("2026-11-02T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await digest.UseZoneAsync("east", "America/New_York");
        await digest.World.Store.WriteAsync(session =>
        {
            var created = new[]
            {
                "2026-11-01T03:30:00Z", // Saturday 23:30 EDT: the day before
                "2026-11-01T04:30:00Z", // Sunday 00:30 EDT: yesterday's first hour
                "2026-11-02T04:30:00Z", // Sunday 23:30 EST: yesterday's last hour, 25 hours on
                "2026-11-02T05:30:00Z", // Monday 00:30 EST: today
            };
            for (var index = 0; index < created.Length; index++)
            {
                var at = DateTimeOffset.Parse(created[index], System.Globalization.CultureInfo.InvariantCulture);
                session.Leads.Insert(Leads.Lead.Create($"L-NY{index}", "Lead", null, null, null, Leads.LeadStage.New, null, "east", "test", "admin", at));
            }

            return true;
        }, default);

        await digest.RunAsync();

        var sent = await digest.DigestAsync("east", new DateOnly(2026, 11, 2));
        Assert.Equal((2, 1), (sent!.NewYesterday.Count, sent.NewDayBefore.Count));
    }
}
