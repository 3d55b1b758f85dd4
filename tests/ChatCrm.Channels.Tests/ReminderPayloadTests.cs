using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Reminders;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests;

/// <summary>The reminder and quiet-hours intents survive a button's payload and a pending question.</summary>
public sealed class ReminderPayloadTests
{
    [Theory]
    [MemberData(nameof(Intents))]
    public void A_reminder_or_quiet_hours_intent_reads_back_the_same(Intent intent) =>
        Assert.Equal(intent, IntentPayload.Read(IntentPayload.Write(intent, "zh")));

    public static TheoryData<Intent> Intents() =>
    [
        new CompleteReminderIntent("3f9a0c21"),
        new SnoozeReminderIntent("3f9a0c21", SnoozeLength.OneHour),
        new SnoozeReminderIntent("3f9a0c21", SnoozeLength.Tomorrow),
        new SnoozeReminderIntent("3f9a0c21", null),
        new ListRemindersIntent(),
        new ShowQuietHoursIntent(),
        new SetQuietHoursIntent(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), "22:00-07:30"),
        new SetQuietHoursIntent(QuietHours.Off, "off"),
    ];

    [Fact]
    public void An_answer_to_how_long_completes_a_snooze_asked_about()
    {
        var asked = IntentPayload.Write(new SnoozeReminderIntent("3f9a0c21", null), "en");
        asked["snooze"] = "tomorrow";

        Assert.Equal(new SnoozeReminderIntent("3f9a0c21", SnoozeLength.Tomorrow), IntentPayload.Read(asked));
    }
}
