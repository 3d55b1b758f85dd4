using ChatCrm.Core.Preferences;
using ChatCrm.Core.Reminders;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>/reminders, /reminder done|snooze and /quiet mean what they say; what they cannot read is left for a polite refusal.</summary>
public sealed class ReminderCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    [Theory]
    [InlineData("/reminders")]
    [InlineData("/reminder")]
    [InlineData("/reminder list")]
    public void Reminders_lists_mine(string text) =>
        Assert.Equal(new ListRemindersIntent(), Interpret(text));

    [Fact]
    public void Done_takes_the_short_id() =>
        Assert.Equal(new CompleteReminderIntent("3f9a0c21"), Interpret("/reminder done 3f9a0c21"));

    [Theory]
    [InlineData("/reminder snooze 3f9a0c21 1h", SnoozeLength.OneHour)]
    [InlineData("/reminder snooze 3f9a0c21 1小时", SnoozeLength.OneHour)]
    [InlineData("/reminder snooze 3f9a0c21 tomorrow", SnoozeLength.Tomorrow)]
    [InlineData("/reminder snooze 3f9a0c21 明天", SnoozeLength.Tomorrow)]
    public void Snooze_takes_the_short_id_and_how_long(string text, SnoozeLength length) =>
        Assert.Equal(new SnoozeReminderIntent("3f9a0c21", length), Interpret(text));

    [Fact]
    public void Snooze_for_a_length_it_does_not_know_leaves_the_length_to_ask_for() =>
        Assert.Equal(new SnoozeReminderIntent("3f9a0c21", null), Interpret("/reminder snooze 3f9a0c21 3 weeks"));

    [Fact]
    public void Quiet_alone_shows_them() =>
        Assert.Equal(new ShowQuietHoursIntent(), Interpret("/quiet"));

    [Theory]
    [InlineData("/quiet 22:00-07:30", 22, 0, 7, 30)]
    [InlineData("/quiet 22-7", 22, 0, 7, 0)]
    [InlineData("/quiet 22:00 ~ 07:30", 22, 0, 7, 30)]
    [InlineData("/quiet 12:30到13:30", 12, 30, 13, 30)]
    [InlineData("/quiet 20:00-24:00", 20, 0, 0, 0)]
    public void Quiet_takes_a_start_and_an_end(string text, int startHour, int startMinute, int endHour, int endMinute) =>
        Assert.Equal(new QuietHours(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute)), Assert.IsType<SetQuietHoursIntent>(Interpret(text)).Hours);

    [Theory]
    [InlineData("/quiet off")]
    [InlineData("/quiet 关闭")]
    [InlineData("/quiet 22:00-22:00")]
    public void Quiet_off_or_an_empty_span_turns_them_off(string text) =>
        Assert.Equal(QuietHours.Off, Assert.IsType<SetQuietHoursIntent>(Interpret(text)).Hours);

    [Theory]
    [InlineData("/quiet 25:00-07:00")]
    [InlineData("/quiet 22:61-07:00")]
    [InlineData("/quiet at night")]
    public void Unreadable_quiet_hours_are_kept_as_typed_for_the_refusal(string text)
    {
        var intent = Assert.IsType<SetQuietHoursIntent>(Interpret(text));

        Assert.Equal((null, text["/quiet ".Length..]), (intent.Hours, intent.Given));
    }

    private Intent Interpret(string text) => _interpreter.Interpret(new Utterance(text, Now)).Intent;
}
