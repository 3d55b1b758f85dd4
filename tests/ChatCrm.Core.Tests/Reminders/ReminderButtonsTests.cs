using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reminders;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Reminders;

/// <summary>The buttons on a due reminder: Done, in an hour, tomorrow at 09:00 — its owner's only, each once.</summary>
public sealed class ReminderButtonsTests : IDisposable
{
    private CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    /// <summary>Starts the world over at <paramref name="moment"/>: a fake clock only moves forward.</summary>
    private void StartAt(DateTimeOffset moment)
    {
        _world.Dispose();
        _world = new CrmWorld(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(moment));
    }

    private CompleteReminder Complete => new(_world.Store, _world.Clock);

    private SnoozeReminder Snooze => new(_world.Store, _world.Clock, _world.Settings);

    private DeliverDueReminders Deliver => new(_world.Store, _world.Clock);

    [Fact]
    public async Task Done_closes_the_owners_reminder_so_it_never_comes_again()
    {
        var reminder = await DueReminderAsync(Alice);

        var done = await Complete.HandleAsync(As(Alice), reminder.Id.ToString(), default);

        Assert.Equal((ReminderState.Done, false), (done.Value!.Reminder.State, done.Value.WasDoneAlready));
        Assert.Equal(ReminderState.Done, (await ReminderAsync(reminder.Id)).State);
    }

    [Fact]
    public async Task Done_twice_answers_already_done_and_audits_once()
    {
        var reminder = await DueReminderAsync(Alice);
        await Complete.HandleAsync(As(Alice, inbound: "press-1"), reminder.Id.ToString(), default);

        var again = await Complete.HandleAsync(As(Alice, inbound: "press-2"), reminder.Id.ToString(), default);

        Assert.True(again.Value!.WasDoneAlready);
        Assert.Single(await AuditAsync(Alice, AuditActions.CompleteReminder));
    }

    [Fact]
    public async Task A_typed_short_id_names_the_reminder()
    {
        var reminder = await DueReminderAsync(Alice);

        var done = await Complete.HandleAsync(As(Alice), "#" + ReminderReference.ShortId(reminder.Id).ToUpperInvariant(), default);

        Assert.Equal(reminder.Id, done.Value!.Reminder.Id);
    }

    [Theory]
    [InlineData("ffffffff")]
    [InlineData("abc")]
    [InlineData("not-an-id")]
    public async Task An_unknown_id_is_refused_politely(string reference)
    {
        await DueReminderAsync(Alice);

        var done = await Complete.HandleAsync(As(Alice), reference, default);

        Assert.IsType<ReminderNotFound>(done.Error);
    }

    [Fact]
    public async Task Someone_else_can_neither_close_nor_snooze_a_reminder()
    {
        var reminder = await DueReminderAsync(Alice);

        var done = await Complete.HandleAsync(As(Bob), reminder.Id.ToString(), default);
        var snoozed = await Snooze.HandleAsync(As(Bob), ReminderReference.ShortId(reminder.Id), SnoozeLength.OneHour, default);

        Assert.IsType<NotYourReminder>(done.Error);
        Assert.IsType<NotYourReminder>(snoozed.Error);
        Assert.Equal(ReminderState.Delivered, (await ReminderAsync(reminder.Id)).State);
    }

    [Fact]
    public async Task A_snoozed_reminder_is_pending_again_and_comes_again_once_an_hour_later()
    {
        var reminder = await DueReminderAsync(Alice);
        var pressedAt = _world.Clock.GetUtcNow();

        var snoozed = await Snooze.HandleAsync(As(Alice), reminder.Id.ToString(), SnoozeLength.OneHour, default);
        _world.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await Deliver.HandleAsync(default);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var onTime = await Deliver.HandleAsync(default);
        var again = await Deliver.HandleAsync(default);

        Assert.Equal((ReminderState.Pending, pressedAt.AddHours(1)), (snoozed.Value!.Reminder.State, snoozed.Value.Reminder.DueAt));
        Assert.Equal((0, 1, 0), (early, onTime, again));
        Assert.Equal(2, await DueNoticesAsync(reminder.Id));
        Assert.Single(await AuditAsync(Alice, AuditActions.SnoozeReminder));
    }

    [Fact]
    public async Task Snoozing_a_done_reminder_is_refused_and_changes_nothing()
    {
        var reminder = await DueReminderAsync(Alice);
        await Complete.HandleAsync(As(Alice), reminder.Id.ToString(), default);

        var snoozed = await Snooze.HandleAsync(As(Alice), reminder.Id.ToString(), SnoozeLength.Tomorrow, default);

        Assert.Equal(ReminderState.Done, Assert.IsType<ReminderClosed>(snoozed.Error).State);
        Assert.Equal(ReminderState.Done, (await ReminderAsync(reminder.Id)).State);
    }

    [Fact]
    public async Task A_cancelled_reminder_can_be_neither_snoozed_nor_done()
    {
        var set = await new SetReminder(_world.Store, _world.Clock).HandleAsync(As(Alice), _world.Clock.GetUtcNow().AddHours(2), "开会", null, default);
        await new UndoChange(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(Alice), set.Value!.AuditId, default);

        var snoozed = await Snooze.HandleAsync(As(Alice), set.Value.Reminder.Id.ToString(), SnoozeLength.OneHour, default);
        var done = await Complete.HandleAsync(As(Alice), set.Value.Reminder.Id.ToString(), default);

        Assert.Equal(ReminderState.Cancelled, Assert.IsType<ReminderClosed>(snoozed.Error).State);
        Assert.Equal(ReminderState.Cancelled, Assert.IsType<ReminderClosed>(done.Error).State);
    }

    [Fact]
    public async Task Undo_does_not_reopen_a_reminder_marked_done()
    {
        var reminder = await DueReminderAsync(Alice);
        await Complete.HandleAsync(As(Alice), reminder.Id.ToString(), default);

        var undone = await new UndoChange(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(Alice), null, default);

        Assert.IsType<CannotUndo>(undone.Error);
        Assert.Equal(ReminderState.Done, (await ReminderAsync(reminder.Id)).State);
    }

    [Theory]
    // Late evening in Shanghai: tomorrow is the next day.
    [InlineData("2026-11-18T23:30:00+08:00", "2026-11-19T09:00:00+08:00")]
    // Just after midnight: "tomorrow" is still the next calendar day, not this morning.
    [InlineData("2026-11-19T00:30:00+08:00", "2026-11-20T09:00:00+08:00")]
    // At 10:00 (already past 09:00) the day after.
    [InlineData("2026-11-18T10:00:00+08:00", "2026-11-19T09:00:00+08:00")]
    public async Task Tomorrow_is_nine_in_the_morning_of_the_next_day_on_a_Shanghai_clock(string pressedAt, string expected)
    {
        StartAt(Moment(pressedAt).AddHours(-1));
        var reminder = await DueReminderAsync(Alice);

        var snoozed = await Snooze.HandleAsync(As(Alice), reminder.Id.ToString(), SnoozeLength.Tomorrow, default);

        Assert.Equal(Moment(expected), snoozed.Value!.Reminder.DueAt);
    }

    [Theory]
    // Clocks fall back on Sunday 2026-11-01: 22:00 EDT to 09:00 EST is 12 hours, not 11.
    [InlineData("2026-10-31T22:00:00-04:00", "2026-11-01T09:00:00-05:00")]
    // Clocks spring forward on Sunday 2026-03-08: 22:00 EST to 09:00 EDT is 10 hours.
    [InlineData("2026-03-07T22:00:00-05:00", "2026-03-08T09:00:00-04:00")]
    public async Task Tomorrow_is_nine_on_a_New_York_clock_across_a_daylight_saving_change(string pressedAt, string expected)
    {
        StartAt(Moment(pressedAt).AddHours(-1));
        var nick = new User("nick", "Nick", Role.Salesperson, "west", [], "en");
        await _world.Store.WriteAsync(session =>
        {
            session.People.Save(nick);
            session.AssignmentRules.Save(new AssignmentRulebook([], new Dictionary<string, WorkingHours> { ["west"] = WorkingHours.Default("America/New_York") }, "test"));
            return true;
        }, default);
        var reminder = await DueReminderAsync(nick);

        var snoozed = await Snooze.HandleAsync(As(nick), reminder.Id.ToString(), SnoozeLength.Tomorrow, default);
        _world.Clock.SetUtcNow(Moment(expected).AddMinutes(-1));
        var early = await Deliver.HandleAsync(default);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var onTime = await Deliver.HandleAsync(default);

        Assert.Equal(Moment(expected), snoozed.Value!.Reminder.DueAt);
        Assert.Equal("America/New_York", snoozed.Value.Zone.Id);
        Assert.Equal((0, 1), (early, onTime));
    }

    [Fact]
    public async Task My_pending_reminders_are_listed_soonest_first_and_nobody_elses()
    {
        var setReminder = new SetReminder(_world.Store, _world.Clock);
        var now = _world.Clock.GetUtcNow();
        await setReminder.HandleAsync(As(Alice), now.AddDays(2), "later", null, default);
        await setReminder.HandleAsync(As(Alice), now.AddHours(1), "sooner", null, default);
        await setReminder.HandleAsync(As(Bob), now.AddMinutes(5), "bob's", null, default);

        var list = await new ListReminders(_world.Store, _world.Settings).HandleAsync(As(Alice), default);

        Assert.Equal(["sooner", "later"], list.Reminders.Select(reminder => reminder.Text));
        Assert.False(list.HasMore);
    }

    /// <summary>A reminder set an hour ahead and delivered when due, as the job does.</summary>
    private async Task<Reminder> DueReminderAsync(User owner)
    {
        var set = await new SetReminder(_world.Store, _world.Clock).HandleAsync(As(owner), _world.Clock.GetUtcNow().AddHours(1), "给王总打电话", null, default);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Deliver.HandleAsync(default));
        return await ReminderAsync(set.Value!.Reminder.Id);
    }

    private static DateTimeOffset Moment(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private Task<Reminder> ReminderAsync(Guid id) => _world.Store.ReadAsync(session => session.Reminders.Find(id)!, default);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(User actor, string action) =>
        _world.Store.ReadAsync<IReadOnlyList<AuditEntry>>(session =>
            [.. session.Audit.RecentBy(actor.Key, "c1", DateTimeOffset.MinValue, 100).Where(entry => entry.Action == action)], default);

    private Task<int> DueNoticesAsync(Guid reminderId) =>
        _world.Store.ReadAsync(session => session.Outbox.PendingFor("alice", 100)
            .Count(message => message.Notice is { Kind: Notices.ReminderDue } notice && notice.Args["reminder"] == reminderId.ToString()), default);
}
