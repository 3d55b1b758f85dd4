using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Fixtures;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Teams.Turns;

/// <summary>A button we render comes back, by either route Teams uses, as the payload it was written from.</summary>
public sealed class CardRoundTripTests
{
    private static readonly Dictionary<string, string> Claim = IntentPayload.Write(new ClaimLeadIntent("L-20261118-0001"), "zh");

    private static JsonNode Button() =>
        AdaptiveCardWriter.Write(new ChatReply("新线索分配给你", [], [new ReplyAction("认领", Claim)]))["actions"]![0]!;

    [Fact]
    public void A_pressed_action_execute_gives_back_the_buttons_payload()
    {
        var button = Button();
        var invoke = JsonNode.Parse(TeamsFixtures.Read("invoke-adaptive-card-action.json"))!;
        invoke["value"]!["action"]!["verb"] = button["verb"]!.DeepClone();
        invoke["value"]!["action"]!["data"] = button["data"]!.DeepClone();

        var turn = TeamsTurns.ToTurn(TeamsJson.Parse(invoke.ToJsonString()).Activity!)!;

        Assert.Equal(Claim, turn.Action);
        Assert.Equal(new ClaimLeadIntent("L-20261118-0001"), IntentPayload.Read(turn.Action!));
    }

    [Fact]
    public void A_pressed_action_submit_fallback_gives_back_the_buttons_payload()
    {
        var message = JsonNode.Parse(TeamsFixtures.Read("message-personal.json"))!.AsObject();
        message.Remove("text");
        message["value"] = Button()["fallback"]!["data"]!.DeepClone();

        var turn = TeamsTurns.ToTurn(TeamsJson.Parse(message.ToJsonString()).Activity!)!;

        Assert.Equal(Claim, turn.Action);
    }
}
