using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reminders;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Rendering;

/// <summary>A due reminder carries Done, in an hour and tomorrow in every channel's rendering, and each button names the reminder.</summary>
public sealed class ReminderNoticeTests
{
    private static readonly NoticeWriter Writer = new(CrmSettings.Default);

    private static readonly Guid ReminderId = Guid.Parse("019a9a6e-5c00-7000-8000-00003f9a0c21");

    private static readonly Notice Due = new(Notices.ReminderDue, new Dictionary<string, string>
    {
        ["reminder"] = ReminderId.ToString(),
        ["text"] = "给王总打电话",
        ["lead"] = "L-20261118-0007",
        ["due"] = "2026-11-19T01:00:00.0000000+00:00",
    });

    private static readonly Intent[] Pressed =
    [
        new CompleteReminderIntent(ReminderId.ToString()),
        new SnoozeReminderIntent(ReminderId.ToString(), SnoozeLength.OneHour),
        new SnoozeReminderIntent(ReminderId.ToString(), SnoozeLength.Tomorrow),
    ];

    [Theory]
    [InlineData("zh", "完成", "1小时后", "明天9点")]
    [InlineData("en", "Done", "In 1 hour", "Tomorrow")]
    public void The_web_chat_reply_has_the_three_buttons_in_the_readers_language(string language, string done, string hour, string tomorrow)
    {
        var reply = Writer.Write(Due, language);

        Assert.Equal([done, hour, tomorrow], reply.Actions.Select(action => action.Title));
        Assert.Equal(Pressed, reply.Actions.Select(action => IntentPayload.Read(action.Payload)));
    }

    [Fact]
    public void The_card_shows_when_the_lead_and_the_short_id_a_command_takes()
    {
        var reply = Writer.Write(Due, "en");

        Assert.Equal(("Reminder: 给王总打电话", "2026-11-19 09:00", "L-20261118-0007", "3f9a0c21"),
            (reply.Text[2..], reply.Facts[0].Value, reply.Facts[1].Value, reply.Facts[2].Value));
    }

    [Fact]
    public void The_teams_card_has_the_three_buttons_as_universal_actions()
    {
        var card = AdaptiveCardWriter.Write(Writer.Write(Due, "en"));

        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Done", "In 1 hour", "Tomorrow"], actions.Select(action => (string?)action!["title"]));
        Assert.All(actions, action => Assert.Equal("Action.Execute", (string?)action!["type"]));
        Assert.Equal(Pressed, actions.Select(action => IntentPayload.Read(Payload(action!["data"]!.AsObject()))));
    }

    [Fact]
    public void The_wecom_template_card_has_the_three_buttons_with_their_payloads_in_the_keys()
    {
        var message = WeComMessageWriter.Write(Writer.Write(Due, "zh"), "cc_test");

        var buttons = message["template_card"]!["button_list"]!.AsArray();
        Assert.Equal("template_card", (string?)message["msgtype"]);
        Assert.Equal(["完成", "1小时后", "明天9点"], buttons.Select(button => (string?)button!["text"]));
        Assert.Equal(Pressed, buttons.Select(button => IntentPayload.Read(WeComButtonKey.Read((string?)button!["key"])!)));
    }

    [Fact]
    public void A_reminder_notice_written_before_reminders_had_ids_still_reads_without_buttons()
    {
        var reply = Writer.Write(new Notice(Notices.ReminderDue, new Dictionary<string, string> { ["text"] = "call" }), "en");

        Assert.Empty(reply.Actions);
    }

    private static Dictionary<string, string> Payload(JsonObject data) =>
        data.Where(pair => pair.Value is JsonValue).ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
}
