using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Fixtures;
using ChatCrm.Channels.Tests.Teams.Schema;

namespace ChatCrm.Channels.Tests.Teams.Turns;

public sealed class TeamsTurnsTests
{
    private const string Alice = "00000000-0000-0000-0000-0000000a11ce";

    private static TeamsActivity Parse(string json) => TeamsJson.Parse(json).Activity!;

    [Fact]
    public void A_personal_message_is_a_text_turn_from_the_entra_user()
    {
        var turn = TeamsTurns.ToTurn(TeamsFixtures.Activity("message-personal.json"));

        Assert.NotNull(turn);
        Assert.Equal("teams", turn.Channel);
        Assert.Equal("a:1AliceConversationId", turn.ConversationId);
        Assert.Equal(Alice, turn.SenderId);
        Assert.Equal("1763431200001", turn.MessageId);
        Assert.Equal("我的线索", turn.Text);
        Assert.Null(turn.Action);
    }

    [Fact]
    public void A_group_chat_message_reaches_the_pipeline_without_the_mention()
    {
        var turn = TeamsTurns.ToTurn(TeamsFixtures.Activity("message-groupchat-mention.json"))!;

        Assert.Equal("今天给王总打了电话,他对报价很感兴趣,下周三再跟进", turn.Text);
        Assert.Equal("19:meeting_groupchat_thread@thread.v2", turn.ConversationId);
    }

    [Fact]
    public void An_action_submit_message_is_a_button_turn()
    {
        var turn = TeamsTurns.ToTurn(Parse("""
            {"type":"message","id":"1763431200050","conversation":{"id":"a:1"},"from":{"id":"29:a","aadObjectId":"00000000-0000-0000-0000-0000000a11ce"},
             "recipient":{"id":"28:bot"},"value":{"do":"undo","audit":"5f0c","lang":"zh"}}
            """))!;

        Assert.Null(turn.Text);
        Assert.Equal(new Dictionary<string, string> { ["do"] = "undo", ["audit"] = "5f0c", ["lang"] = "zh" }, turn.Action);
    }

    [Fact]
    public void An_action_execute_invoke_is_a_button_turn_with_its_data_and_verb()
    {
        var turn = TeamsTurns.ToTurn(TeamsFixtures.Activity("invoke-adaptive-card-action.json"))!;

        Assert.Equal(Alice, turn.SenderId);
        Assert.Equal("f:1763431300003", turn.MessageId);
        Assert.Equal(new Dictionary<string, string> { ["lead"] = "L-20261118-0001", ["do"] = "claim" }, turn.Action);
    }

    [Fact]
    public void Card_data_that_is_not_a_string_is_carried_as_its_json_text()
    {
        var data = TeamsJson.Parse("""{"type":"x","value":{"n":5.5,"yes":true,"no":false,"gone":null,"list":[1,"a"]}}""").Activity!.Value!.Value;

        var payload = TeamsTurns.Payload(data);

        Assert.Equal(new Dictionary<string, string> { ["n"] = "5.5", ["yes"] = "true", ["no"] = "false", ["list"] = "[1,\"a\"]" }, payload);
    }

    [Fact]
    public void A_message_action_is_a_text_turn_with_the_chosen_message()
    {
        var turn = TeamsTurns.ToTurn(Parse(TeamsActivities.MessageAction("<p>王总说下周三再谈报价</p>")))!;

        Assert.Equal("王总说下周三再谈报价", turn.Text);
        Assert.Equal(Alice, turn.SenderId);
        Assert.True(turn.LogsFollowUp);
    }

    [Fact]
    public void The_note_edited_in_the_log_to_crm_dialog_is_what_is_logged()
    {
        var turn = TeamsTurns.ToTurn(Parse(TeamsActivities.MessageAction("<p>王总说下周三再谈报价</p>", dataJson: """{"note":"王总说下周三再谈报价,已电话确认"}""")))!;

        Assert.Equal("王总说下周三再谈报价,已电话确认", turn.Text);
        Assert.True(turn.LogsFollowUp);
        Assert.Null(turn.Action);
    }

    [Fact]
    public void A_button_pressed_in_the_dialog_is_a_button_turn()
    {
        var turn = TeamsTurns.ToTurn(Parse(TeamsActivities.MessageAction("<p>x</p>", dataJson: """{"do":"undo","audit":"0193f2b4-0000-7000-8000-000000000001","lang":"zh"}""")))!;

        Assert.Equal("undo", turn.Action![IntentPayload.IntentKey]);
        Assert.Null(turn.Text);
        Assert.False(turn.LogsFollowUp);
    }

    [Fact]
    public void Asking_for_the_dialog_is_not_a_turn()
    {
        Assert.Null(TeamsTurns.ToTurn(Parse(TeamsActivities.MessageAction("<p>x</p>", name: "composeExtension/fetchTask"))));
    }

    [Theory]
    [InlineData("conversation-update-bot-added.json")]
    [InlineData("playground/conversationUpdate.json")]
    [InlineData("playground/installationUpdate.json")]
    [InlineData("playground/messageReaction.json")]
    [InlineData("playground/invoke-composeExtension_query.json")]
    public void Activities_that_are_not_turns_are_ignored(string name)
    {
        Assert.Null(TeamsTurns.ToTurn(TeamsFixtures.Activity(name)));
    }

    [Theory]
    [InlineData("""{"type":"somethingNew","id":"1","conversation":{"id":"a:1"},"from":{"id":"29:a"}}""")]
    [InlineData("""{"type":"message","id":"1","conversation":{"id":"a:1"},"from":{"id":"29:a"},"attachments":[{"contentType":"image/png","contentUrl":"https://x/y.png"}]}""")]
    [InlineData("""{"type":"message","id":"1","text":"hi","conversation":{"id":"a:1"}}""")]
    public void Unknown_types_and_messages_without_content_or_sender_are_ignored(string json)
    {
        Assert.Null(TeamsTurns.ToTurn(Parse(json)));
    }
}
