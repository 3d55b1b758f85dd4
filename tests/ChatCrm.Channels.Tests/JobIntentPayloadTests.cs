using ChatCrm.Channels.Conversation;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests;

public sealed class JobIntentPayloadTests
{
    public static TheoryData<Intent> JobIntents() =>
    [
        new ListJobsIntent(),
        new RunJobIntent("due-reminders"),
        new PauseJobIntent("housekeeping"),
        new ResumeJobIntent("housekeeping"),
        new PauseJobIntent(null),
    ];

    [Theory]
    [MemberData(nameof(JobIntents))]
    public void A_job_button_reads_back_the_same_intent(Intent intent) =>
        Assert.Equal(intent, IntentPayload.Read(IntentPayload.Write(intent, "zh")));
}
