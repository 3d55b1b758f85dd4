using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Tests.Teams.Cards;

public sealed class LogToCrmDialogTests
{
    [Fact]
    public void The_dialog_shows_the_chosen_message_as_an_editable_note_with_a_submit_button()
    {
        var json = JsonNode.Parse(DialogResponses.Continue(LogToCrmDialog.Title("zh"), LogToCrmDialog.Card("王总说下周三再谈", "zh")))!;

        var value = json["task"]!["value"]!;
        Assert.Equal("continue", (string?)json["task"]!["type"]);
        Assert.Equal("记录到 CRM", (string?)value["title"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)value["card"]!["contentType"]);
        var card = value["card"]!["content"]!;
        var note = card["body"]!.AsArray().Single(element => (string?)element!["type"] == "Input.Text")!;
        Assert.Equal(LogToCrmDialog.NoteInput, (string?)note["id"]);
        Assert.Equal("王总说下周三再谈", (string?)note["value"]);
        Assert.Equal("Action.Submit", (string?)card["actions"]![0]!["type"]);
    }

    [Fact]
    public void A_very_long_message_is_cut_to_what_the_pipeline_accepts()
    {
        var card = LogToCrmDialog.Card(new string('长', ConversationPipeline.MaxTextLength + 50), "zh");

        var note = card["body"]![1]!;
        Assert.Equal(ConversationPipeline.MaxTextLength, ((string?)note["value"])!.Length);
    }

    [Fact]
    public void A_card_in_a_dialog_has_submit_buttons_only()
    {
        var reply = new ChatReply("已记录", [], [new ReplyAction("撤销", new Dictionary<string, string> { ["do"] = "undo", ["audit"] = "1" })]);

        var button = AdaptiveCardWriter.Write(reply, inDialog: true)["actions"]![0]!;

        Assert.Equal("Action.Submit", (string?)button["type"]);
        Assert.Equal("undo", (string?)button["data"]!["do"]);
        Assert.Null(button["fallback"]);
    }

    [Fact]
    public void A_closing_message_is_a_message_task()
    {
        var json = JsonNode.Parse(DialogResponses.Message("好的"))!;

        Assert.Equal(("message", "好的"), ((string?)json["task"]!["type"], (string?)json["task"]!["value"]));
    }
}
