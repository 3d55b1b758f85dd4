using ChatCrm.Channels.Conversation;
using ChatCrm.Core.FollowUps;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests;

public sealed class IntentPayloadTests
{
    [Fact]
    public void An_intent_written_into_a_button_reads_back_the_same()
    {
        var intent = new LogFollowUpIntent("L-20261118-0007", ContactChannel.Call, Interest.High, new LocalMoment(new DateOnly(2026, 11, 25), new TimeOnly(10, 0)), "打了电话");

        var read = IntentPayload.Read(IntentPayload.Write(intent, "zh"));

        Assert.Equal(intent, read);
    }

    [Theory]
    [MemberData(nameof(IntakeSourceIntents))]
    public void An_admins_source_command_written_into_a_pending_question_reads_back_the_same(Intent intent) =>
        Assert.Equal(intent, IntentPayload.Read(IntentPayload.Write(intent, "en")));

    public static TheoryData<Intent> IntakeSourceIntents() =>
    [
        new ListIntakeSourcesIntent(),
        new AddIntakeSourceIntent("douyin", "douyin", "east"),
        new AddIntakeSourceIntent(null, null, null),
        new RotateIntakeSecretIntent("webform"),
        new SwitchIntakeSourceIntent("webform", true),
        new SwitchIntakeSourceIntent("webform", false),
    ];

    [Fact]
    public void A_payload_with_a_malformed_value_reads_as_no_intent()
    {
        var payload = new Dictionary<string, string> { ["do"] = "set_stage", ["stage"] = "sideways" };

        Assert.Null(IntentPayload.Read(payload));
    }
}
