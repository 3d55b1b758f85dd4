using System.Text.Json.Nodes;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// The answer to an invoke. For an invoke the HTTP response is the answer itself: the endpoint
/// replies with HTTP <see cref="StatusCode"/> and this record as the body, e.g.
/// <c>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":card}</c>, which
/// Teams uses to replace the card the button was on.
/// </summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Replace the pressed card with <paramref name="card"/>.</summary>
    public static InvokeResponse Card(JsonObject card) => new(200, TeamsAttachment.AdaptiveCardContentType, card);

    /// <summary>Leave the card as it is and show <paramref name="text"/> as a brief notice.</summary>
    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public string ToJson() => TeamsJson.Serialize(this);
}
