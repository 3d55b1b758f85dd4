using ChatCrm.Core.Preferences;
using ChatCrm.Core.Reminders;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

/// <summary>People's own settings, and reminders found by the short id a card or list shows.</summary>
public sealed class PreferencesAndReminderIdTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public PreferencesAndReminderIdTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Quiet_hours_come_back_as_saved_and_a_second_save_replaces_the_first()
    {
        await _store.Write(session => session.Preferences.Save(new UserPreferences("alice", new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), Now)));
        var off = new UserPreferences("alice", QuietHours.Off, Now.AddMinutes(1));
        await _store.Write(session => session.Preferences.Save(off));

        Assert.Equal(off, await _store.Read(session => session.Preferences.Find("alice")));
    }

    [Fact]
    public async Task Someone_who_never_saved_a_preference_has_none_stored()
    {
        Assert.Null(await _store.Read(session => session.Preferences.Find("bob")));
    }

    [Theory]
    [InlineData(ReminderState.Pending)]
    [InlineData(ReminderState.Delivered)]
    [InlineData(ReminderState.Done)]
    public async Task A_reminder_is_found_by_its_short_id_in_any_state(ReminderState state)
    {
        var reminder = ReminderOf(state);
        var other = ReminderOf(ReminderState.Pending);
        await _store.Write(session =>
        {
            session.Reminders.Insert(reminder);
            session.Reminders.Insert(other);
        });

        var found = await _store.Read(session => session.Reminders.FindByShortId(ReminderReference.ShortId(reminder.Id), 5));

        Assert.Equal(reminder.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task Short_ids_are_read_from_the_id_itself_so_reminders_stored_before_them_are_found()
    {
        using var folder = new StoreFolder();
        var reminder = ReminderOf(ReminderState.Pending);
        using (var store = folder.Open())
        {
            await store.Write(session => session.Reminders.Insert(reminder));
        }

        using (var database = new LiteDatabase($"Filename={folder.DatabasePath};Connection=direct"))
        {
            // Nothing is stored for the short id: an older version's documents look the same.
            Assert.DoesNotContain(database.GetCollection("reminders").FindById(reminder.Id).Keys, key => key.Contains("Short", StringComparison.Ordinal));
        }

        using var reopened = folder.Open();
        var found = await reopened.Read(session => session.Reminders.FindByShortId(ReminderReference.ShortId(reminder.Id), 5));

        Assert.Equal(reminder.Id, Assert.Single(found).Id);
    }

    private static Reminder ReminderOf(ReminderState state) =>
        new(Guid.CreateVersion7(Now), "alice", Now.AddHours(1), "给王总打电话", null, state, Now);
}
