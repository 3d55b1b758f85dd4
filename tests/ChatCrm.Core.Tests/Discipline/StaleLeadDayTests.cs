using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Discipline;

/// <summary>"Once a day" is the owner's local day in their team's zone, not the UTC day nor 24 hours.</summary>
public sealed class StaleLeadDayTests
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    [Fact]
    public async Task In_Shanghai_the_day_turns_at_local_midnight_not_at_UTC_midnight()
    {
        using var desk = new DisciplineDesk();
        await desk.WorkingHoursAsync("east", new WorkingHours("Asia/Shanghai", EveryDay, new TimeOnly(6, 0), new TimeOnly(23, 0)));
        await desk.OwnedLeadAsync(CrmWorld.Alice, "王总");

        desk.At(11, 25, 10); // 02:00 UTC on the 25th
        await desk.StaleScan.RunAsync(default);
        desk.At(11, 26, 7); // 23:00 UTC on the 25th: the same UTC day, a new Shanghai day
        await desk.StaleScan.RunAsync(default);
        desk.At(11, 26, 22); // 14:00 UTC on the 26th: a new UTC day, the same Shanghai day
        await desk.StaleScan.RunAsync(default);

        Assert.Equal(2, (await desk.NoticesAsync("alice", Notices.StaleLeadsOwner)).Count);
    }

    [Fact]
    public async Task In_New_York_the_25_hour_day_when_summer_time_ends_is_one_day()
    {
        using var desk = new DisciplineDesk(new FakeTimeProvider(new DateTimeOffset(2026, 10, 20, 16, 0, 0, TimeSpan.Zero)));
        await desk.WorkingHoursAsync("east", new WorkingHours("America/New_York", EveryDay, new TimeOnly(0, 0), new TimeOnly(23, 59)));
        await desk.OwnedLeadAsync(CrmWorld.Alice, "Acme");
        var notices = new List<int>();

        async Task RunAtUtc(int month, int day, int hour, int minute)
        {
            desk.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));
            await desk.StaleScan.RunAsync(default);
            notices.Add((await desk.NoticesAsync("alice", Notices.StaleLeadsOwner)).Count);
        }

        await RunAtUtc(11, 1, 3, 30); // Sat 10-31 23:30 EDT
        await RunAtUtc(11, 1, 4, 30); // Sun 11-01 00:30 EDT: a new day an hour later
        await RunAtUtc(11, 2, 4, 30); // Sun 11-01 23:30 EST: 24 hours on, still Sunday
        await RunAtUtc(11, 2, 5, 30); // Mon 11-02 00:30 EST

        Assert.Equal([1, 2, 2, 3], notices);
    }
}
