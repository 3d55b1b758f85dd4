using ChatCrm.Core.Audit;
using ChatCrm.Core.Preferences;
using Microsoft.Extensions.Time.Testing;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Preferences;

/// <summary>What quiet hours cover, and setting them with /quiet.</summary>
public sealed class QuietHoursTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private ManageQuietHours Quiet => new(_world.Store, _world.Clock, _world.Settings);

    [Theory]
    [InlineData("21:00", "08:00", "20:59", false)]
    [InlineData("21:00", "08:00", "21:00", true)]
    [InlineData("21:00", "08:00", "00:00", true)]
    [InlineData("21:00", "08:00", "07:59", true)]
    [InlineData("21:00", "08:00", "08:00", false)]
    [InlineData("13:00", "14:00", "13:30", true)]
    [InlineData("13:00", "14:00", "14:00", false)]
    [InlineData("13:00", "14:00", "12:00", false)]
    [InlineData("22:00", "22:00", "23:00", false)]
    [InlineData("00:00", "00:00", "03:00", false)]
    public void Quiet_hours_cover_from_their_start_up_to_their_end_over_midnight_too(string start, string end, string time, bool covered)
    {
        var hours = new QuietHours(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(covered, hours.Covers(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Someone_who_never_set_them_has_nine_in_the_evening_to_eight_in_the_morning()
    {
        var view = await Quiet.ShowAsync(As(Alice), default);

        Assert.Equal((QuietHours.Default, true, "Asia/Shanghai"), (view.Hours, view.IsDefault, view.Zone.Id));
        Assert.Null(view.QuietUntil);
    }

    [Fact]
    public async Task Setting_them_is_stored_per_person_and_audited()
    {
        var set = await Quiet.SetAsync(As(Alice), new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), "22:00-07:30", default);

        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), (await Quiet.ShowAsync(As(Alice), default)).Hours);
        Assert.Equal(QuietHours.Default, (await Quiet.ShowAsync(As(Bob), default)).Hours);
        var entry = Assert.Single(await _world.Store.ReadAsync(session => session.Audit.RecentBy("alice", "c1", DateTimeOffset.MinValue, 10), default));
        Assert.Equal((AuditActions.SetQuietHours, "22:00-07:30"), (entry.Action, entry.Detail));
        Assert.False(set.Value!.IsDefault);
    }

    [Fact]
    public async Task The_same_start_and_end_is_stored_as_off()
    {
        var set = await Quiet.SetAsync(As(Alice), new QuietHours(new TimeOnly(22, 0), new TimeOnly(22, 0)), "22:00-22:00", default);

        Assert.Equal(QuietHours.Off, set.Value!.Hours);
    }

    [Fact]
    public async Task Unreadable_quiet_hours_are_refused_and_nothing_is_stored()
    {
        var set = await Quiet.SetAsync(As(Alice), null, "25:00-07:00", default);

        Assert.IsType<InvalidValue>(set.Error);
        Assert.Null(await _world.Store.ReadAsync(session => session.Preferences.Find("alice"), default));
    }

    [Fact]
    public async Task In_quiet_hours_the_view_says_when_they_end()
    {
        using var world = new CrmWorld(new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 23, 0, 0, TimeSpan.FromHours(8))));

        var view = await new ManageQuietHours(world.Store, world.Clock, world.Settings).ShowAsync(As(Alice), default);

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.FromHours(8)), view.QuietUntil);
    }
}
