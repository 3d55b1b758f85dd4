using System.Text.Json.Nodes;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// The answers to a message action's invokes (<c>composeExtension/fetchTask</c> and
/// <c>composeExtension/submitAction</c>). Unlike an Action.Execute, the HTTP body is the
/// messaging-extension action response itself: <c>{"task":{"type":"continue"|"message",…}}</c>.
/// </summary>
public static class DialogResponses
{
    /// <summary>Show (or keep showing) a dialog with <paramref name="card"/>.</summary>
    public static string Continue(string title, JsonObject card) => new JsonObject
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["height"] = "medium",
                ["width"] = "medium",
                ["card"] = new JsonObject
                {
                    ["contentType"] = TeamsAttachment.AdaptiveCardContentType,
                    ["content"] = card,
                },
            },
        },
    }.ToJsonString(TeamsJson.Options);

    /// <summary>Close the flow with a short message in a small dialog.</summary>
    public static string Message(string text) => new JsonObject
    {
        ["task"] = new JsonObject { ["type"] = "message", ["value"] = text },
    }.ToJsonString(TeamsJson.Options);
}
