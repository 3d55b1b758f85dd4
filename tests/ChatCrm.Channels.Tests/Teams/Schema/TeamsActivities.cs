namespace ChatCrm.Channels.Tests.Teams.Schema;

/// <summary>Activities the captured fixtures do not cover, in the shape Teams documents them.</summary>
internal static class TeamsActivities
{
    /// <param name="name">"composeExtension/submitAction", or "composeExtension/fetchTask" when the dialog is asked for.</param>
    /// <param name="dataJson">What the dialog sent back (its inputs and the pressed button's data).</param>
    public static string MessageAction(string htmlContent, string name = "composeExtension/submitAction", string? dataJson = null) => $$"""
        {
          "type": "invoke",
          "name": "{{name}}",
          "id": "f:1763431500001",
          "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "channelId": "msteams",
          "from": { "id": "29:1aLiCeUsErId", "name": "Alice Li", "aadObjectId": "00000000-0000-0000-0000-0000000a11ce" },
          "conversation": { "isGroup": true, "conversationType": "groupChat", "tenantId": "00000000-0000-0000-0000-00000000c0de", "id": "19:meeting_groupchat_thread@thread.v2" },
          "recipient": { "id": "28:00000000-0000-0000-0000-000000000b07", "name": "ChatCrm" },
          "value": {
            "commandId": "logToCrm",
            "commandContext": "message",{{(dataJson is null ? "" : "\n            \"data\": " + dataJson + ",")}}
            "messagePayload": {
              "id": "1763431500000",
              "messageType": "message",
              "from": { "user": { "id": "29:bob", "displayName": "Bob", "aadObjectId": "00000000-0000-0000-0000-00000000b0b0" } },
              "body": { "contentType": "html", "content": {{System.Text.Json.JsonSerializer.Serialize(htmlContent)}} }
            }
          }
        }
        """;
}
