using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Preferences;
using Microsoft.Extensions.Time.Testing;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Preferences;

/// <summary>
/// Notices that can wait are held through their recipient's quiet hours (21:00–08:00 by default,
/// on their own clock) and routed when they end, in order; urgent ones go at once.
/// </summary>
public sealed class QuietHoursRoutingTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // Wednesday 2026-11-18 22:30 in Shanghai: inside the default quiet hours.
    private readonly CrmWorld _world = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 22, 30, 0, Shanghai)));

    public void Dispose() => _world.Dispose();

    private RouteNotices Route => new(_world.Store, _world.Clock, _world.Settings);

    private ManageQuietHours Quiet => new(_world.Store, _world.Clock, _world.Settings);

    [Fact]
    public async Task A_notice_that_can_wait_at_half_past_ten_is_held_and_routed_at_eight()
    {
        var id = await NoticeAsync(Alice, Notices.LeadTransferred);

        var atNight = await Route.DueAsync(10, default);
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 7, 59, 0, Shanghai));
        var beforeEight = await Route.DueAsync(10, default);
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 8, 0, 0, Shanghai));
        var atEight = await Route.DueAsync(10, default);

        Assert.Empty(atNight);
        Assert.Empty(beforeEight);
        Assert.Equal(id, Assert.Single(atEight).Message.Id);
    }

    [Theory]
    [InlineData(Notices.ReminderDue)]
    [InlineData(Notices.IntegrationFailing)]
    public async Task An_urgent_notice_goes_at_once_in_quiet_hours(string kind)
    {
        var id = await NoticeAsync(Alice, kind);

        Assert.Equal(id, Assert.Single(await Route.DueAsync(10, default)).Message.Id);
    }

    [Theory]
    [InlineData(Notices.LeadOffered)]
    [InlineData(Notices.LeadTransferred)]
    [InlineData(Notices.LeadReturned)]
    [InlineData(Notices.ContactAdded)]
    [InlineData(Notices.ContactRemoved)]
    [InlineData(Notices.AssignmentEscalated)]
    [InlineData(Notices.LeadTouched)]
    [InlineData("lead.stale")]
    [InlineData("some.future.kind")]
    public void Only_due_reminders_and_failing_integrations_are_urgent(string kind)
    {
        Assert.False(Notices.IsUrgent(kind));
    }

    [Fact]
    public async Task Held_notices_go_out_in_the_order_they_were_written()
    {
        var first = await NoticeAsync(Alice, Notices.LeadOffered);
        _world.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await NoticeAsync(Bob, Notices.LeadTransferred);
        await Route.DueAsync(10, default);
        _world.Clock.Advance(TimeSpan.FromHours(2));
        var third = await NoticeAsync(Alice, Notices.LeadReturned);
        await Route.DueAsync(10, default);

        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 8, 0, 0, Shanghai));
        var morning = await Route.DueAsync(10, default);

        Assert.Equal([first, second, third], morning.Select(due => due.Message.Id));
    }

    [Fact]
    public async Task Quiet_hours_over_midnight_hold_a_notice_from_the_evening_and_from_the_early_morning()
    {
        await Quiet.SetAsync(As(Alice), new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), "22:00-07:30", default);
        var evening = await NoticeAsync(Alice, Notices.LeadOffered);
        await Route.DueAsync(10, default);
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 1, 0, 0, Shanghai));
        var earlyMorning = await NoticeAsync(Alice, Notices.LeadOffered);

        var atOne = await Route.DueAsync(10, default);
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 19, 7, 30, 0, Shanghai));
        var atHalfPastSeven = await Route.DueAsync(10, default);

        Assert.Empty(atOne);
        Assert.Equal([evening, earlyMorning], atHalfPastSeven.Select(due => due.Message.Id));
    }

    [Fact]
    public async Task Outside_quiet_hours_nothing_is_held()
    {
        await Quiet.SetAsync(As(Alice), new QuietHours(new TimeOnly(23, 0), new TimeOnly(7, 0)), "23:00-07:00", default);
        var id = await NoticeAsync(Alice, Notices.LeadOffered);

        Assert.Equal(id, Assert.Single(await Route.DueAsync(10, default)).Message.Id);
    }

    [Fact]
    public async Task With_quiet_hours_off_a_notice_at_night_goes_at_once()
    {
        await Quiet.SetAsync(As(Alice), QuietHours.Off, "off", default);
        var id = await NoticeAsync(Alice, Notices.LeadOffered);

        Assert.Equal(id, Assert.Single(await Route.DueAsync(10, default)).Message.Id);
    }

    [Fact]
    public async Task Quiet_hours_are_read_on_the_recipients_team_clock()
    {
        // 22:30 in Shanghai is 09:30 in New York: Nick's day has begun.
        var nick = new User("nick", "Nick", Role.Salesperson, "west", [], "en");
        await _world.Store.WriteAsync(session =>
        {
            session.People.Save(nick);
            session.AssignmentRules.Save(new AssignmentRulebook([], new Dictionary<string, WorkingHours> { ["west"] = WorkingHours.Default("America/New_York") }, "test"));
            return true;
        }, default);
        var forNick = await NoticeAsync(nick, Notices.LeadOffered);
        var forAlice = await NoticeAsync(Alice, Notices.LeadOffered);

        var due = await Route.DueAsync(10, default);

        Assert.Equal(forNick, Assert.Single(due).Message.Id);
        Assert.NotEqual(forAlice, due[0].Message.Id);
    }

    [Fact]
    public async Task The_web_chat_inbox_still_takes_a_held_notice()
    {
        var id = await NoticeAsync(Alice, Notices.LeadOffered);
        await Route.DueAsync(10, default);

        var inbox = await new TakeUndelivered(_world.Store, _world.Clock).HandleAsync("alice", default);

        Assert.Equal(id, Assert.Single(inbox.Messages).Id);
    }

    [Fact]
    public async Task A_held_notice_is_not_dropped_but_kept_pending_until_the_quiet_hours_end()
    {
        var id = await NoticeAsync(Alice, Notices.LeadOffered);

        await Route.DueAsync(10, default);

        var held = await _world.Store.ReadAsync(session => session.Outbox.Find(id)!, default);
        Assert.Equal((OutboxState.Pending, new DateTimeOffset(2026, 11, 19, 8, 0, 0, Shanghai)), (held.State, held.NextAttemptAt));
    }

    private Task<Guid> NoticeAsync(User recipient, string kind) =>
        _world.Store.WriteAsync(session =>
        {
            var now = _world.Clock.GetUtcNow();
            var message = OutboxMessage.New(Guid.CreateVersion7(now), recipient.Key, new Notice(kind, new Dictionary<string, string> { ["lead"] = "L-1" }), now);
            session.Outbox.Enqueue(message);
            return message.Id;
        }, default);
}
