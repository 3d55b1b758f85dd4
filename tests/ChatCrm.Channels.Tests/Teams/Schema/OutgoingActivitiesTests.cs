using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Fixtures;

namespace ChatCrm.Channels.Tests.Teams.Schema;

public sealed class OutgoingActivitiesTests
{
    private static readonly JsonObject Card = new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

    [Fact]
    public void A_reply_goes_from_the_bot_to_the_sender_under_the_message()
    {
        var inbound = TeamsFixtures.Activity("message-groupchat-mention.json");

        var reply = OutgoingActivities.ReplyTo(inbound, OutgoingActivities.Message("已记录", [Card]));

        Assert.Equal("28:00000000-0000-0000-0000-000000000b07", reply.From!.Id);
        Assert.Equal("29:1aLiCeUsErId", reply.Recipient!.Id);
        Assert.Equal("1763431260002", reply.ReplyToId);
        Assert.Equal("19:meeting_groupchat_thread@thread.v2", reply.Conversation!.Id);
    }

    [Fact]
    public void A_card_message_serializes_as_an_adaptive_card_attachment_without_nulls()
    {
        var json = TeamsJson.Serialize(OutgoingActivities.Message(text: null, [Card]));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("text", out _));
        Assert.False(root.TryGetProperty("replyToId", out _));
        var attachment = root.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
    }

    [Fact]
    public void Chinese_text_is_written_as_is_to_keep_cards_small()
    {
        Assert.Contains("\"text\":\"已记录\"", TeamsJson.Serialize(OutgoingActivities.Message("已记录")));
    }

    [Fact]
    public void A_message_with_neither_text_nor_card_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => OutgoingActivities.Message(null, []));
    }

    [Fact]
    public void The_invoke_response_body_carries_the_card()
    {
        using var body = JsonDocument.Parse(InvokeResponse.Card(Card).ToJson());

        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("value").GetProperty("type").GetString());
        Assert.Equal(3, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void A_proactive_message_is_addressed_from_the_stored_reference()
    {
        var reference = ConversationReference.From(TeamsFixtures.Activity("conversation-update-bot-added.json"))!;

        var message = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message("新线索分配给你"));

        Assert.Equal("a:1AliceConversationId", message.Conversation!.Id);
        Assert.Equal("28:00000000-0000-0000-0000-000000000b07", message.From!.Id);
        Assert.Null(message.ReplyToId);
    }

    [Fact]
    public void Creating_a_personal_conversation_names_bot_member_and_tenant()
    {
        var reference = ConversationReference.From(TeamsFixtures.Activity("conversation-update-bot-added.json"))!;

        var body = OutgoingActivities.CreatePersonalConversation(reference);

        Assert.Equal("28:00000000-0000-0000-0000-000000000b07", (string?)body["bot"]!["id"]);
        Assert.Equal("29:1aLiCeUsErId", (string?)body["members"]![0]!["id"]);
        Assert.Equal("00000000-0000-0000-0000-00000000c0de", (string?)body["tenantId"]);
        Assert.Equal("00000000-0000-0000-0000-00000000c0de", (string?)body["channelData"]!["tenant"]!["id"]);
    }
}
