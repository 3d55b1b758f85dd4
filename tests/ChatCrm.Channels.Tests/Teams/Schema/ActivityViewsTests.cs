using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Fixtures;

namespace ChatCrm.Channels.Tests.Teams.Schema;

public sealed class ActivityViewsTests
{
    private static TeamsActivity Message(string text, params TeamsEntity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new TeamsAccount { Id = "28:bot", Name = "ChatCrm" },
        Entities = entities,
    };

    private static TeamsEntity Mention(string id, string name) =>
        new() { Type = TeamsEntity.MentionType, Text = $"<at>{name}</at>", Mentioned = new TeamsAccount { Id = id, Name = name } };

    [Fact]
    public void The_bots_mention_is_removed_from_a_group_chat_message()
    {
        var activity = TeamsFixtures.Activity("message-groupchat-mention.json");

        Assert.Equal("今天给王总打了电话,他对报价很感兴趣,下周三再跟进", activity.TextWithoutMentions());
    }

    [Fact]
    public void Another_persons_mention_keeps_the_name()
    {
        var activity = Message("<at>ChatCrm</at> 把张伟转给 <at>Bob Li</at>", Mention("28:bot", "ChatCrm"), Mention("29:bob", "Bob Li"));

        Assert.Equal("把张伟转给 Bob Li", activity.TextWithoutMentions());
    }

    [Fact]
    public void Mention_tags_without_entities_are_removed()
    {
        var activity = Message("<at>ChatCrm</at>  my   leads");

        Assert.Equal("my leads", activity.TextWithoutMentions());
    }

    [Fact]
    public void A_personal_message_is_left_as_typed()
    {
        Assert.Equal("我的线索", TeamsFixtures.Activity("message-personal.json").TextWithoutMentions());
    }

    [Fact]
    public void The_sender_is_the_entra_object_id()
    {
        Assert.Equal("00000000-0000-0000-0000-0000000a11ce", TeamsFixtures.Activity("message-personal.json").SenderId());
    }

    [Fact]
    public void Without_an_entra_object_id_the_sender_is_the_channel_account()
    {
        var activity = Message("hi") with { From = new TeamsAccount { Id = "emulator-user" } };

        Assert.Equal("emulator-user", activity.SenderId());
    }

    [Theory]
    [InlineData("conversation-update-bot-added.json", true)]
    [InlineData("playground/conversationUpdate.json", true)]
    [InlineData("playground/conversationUpdate-channelCreated.json", false)]
    [InlineData("message-personal.json", false)]
    public void Adding_the_bot_is_recognised(string name, bool addsBot)
    {
        Assert.Equal(addsBot, TeamsFixtures.Activity(name).AddsBot());
    }

    [Fact]
    public void An_action_execute_invoke_gives_its_verb_and_data()
    {
        var pressed = TeamsFixtures.Activity("invoke-adaptive-card-action.json").CardAction();

        Assert.NotNull(pressed);
        Assert.Equal("claim", pressed.Verb);
        Assert.Equal("Action.Execute", pressed.ActionType);
        Assert.Equal("L-20261118-0001", pressed.Data!.Value.GetProperty("lead").GetString());
    }

    [Fact]
    public void A_compose_extension_query_is_not_a_card_action_or_message_action()
    {
        var activity = TeamsFixtures.Activity("playground/invoke-composeExtension_query.json");

        Assert.Null(activity.CardAction());
        Assert.Null(activity.MessageAction());
    }

    [Fact]
    public void An_action_submit_arrives_as_a_message_value_without_text()
    {
        var activity = TeamsJson.Parse("""{"type":"message","id":"9","value":{"do":"undo","audit":"a1"}}""").Activity!;

        Assert.Equal("undo", activity.CardSubmitValue()!.Value.GetProperty("do").GetString());
    }

    [Fact]
    public void A_message_action_gives_the_chosen_message_as_plain_text()
    {
        var activity = TeamsJson.Parse(TeamsActivities.MessageAction("<p>王总&nbsp;说 &lt;下周&gt; 再谈</p><p>报价&amp;合同</p>")).Activity!;

        var chosen = activity.MessageAction();

        Assert.NotNull(chosen);
        Assert.Equal("logToCrm", chosen.CommandId);
        Assert.Equal("1763431500000", chosen.MessageId);
        Assert.Equal("王总 说 <下周> 再谈\n报价&合同", chosen.PlainText);
        Assert.Equal("00000000-0000-0000-0000-00000000b0b0", chosen.AuthorAadObjectId);
    }

    [Fact]
    public void A_conversation_reference_is_taken_from_an_inbound_activity()
    {
        var reference = ConversationReference.From(TeamsFixtures.Activity("conversation-update-bot-added.json"));

        Assert.Equal(
            new ConversationReference("https://smba.trafficmanager.net/apac/", "a:1AliceConversationId", "00000000-0000-0000-0000-00000000c0de",
                "28:00000000-0000-0000-0000-000000000b07", "29:1aLiCeUsErId", "00000000-0000-0000-0000-0000000a11ce", "msteams", "personal"),
            reference);
    }

    [Fact]
    public void The_tenant_falls_back_to_channel_data()
    {
        var activity = TeamsFixtures.Activity("conversation-update-bot-added.json");
        activity = activity with { Conversation = activity.Conversation! with { TenantId = null } };

        Assert.Equal("00000000-0000-0000-0000-00000000c0de", ConversationReference.From(activity)!.TenantId);
    }
}
