using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.Teams.Cards;

/// <summary>
/// Renders a channel-neutral <see cref="ChatReply"/> as an Adaptive Card (schema 1.5): the
/// sentence as a wrapping TextBlock, the facts as a FactSet, and each button as an Action.Execute
/// whose data is the button's payload, falling back to an Action.Submit with the same data on
/// clients without Universal Actions. Built as JSON nodes, so no text is ever escaped by hand.
/// </summary>
public static class AdaptiveCardWriter
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>The verb of a button whose payload names no intent.</summary>
    public const string DefaultVerb = "action";

    /// <summary>
    /// Fact values longer than this go below their label as a wrapped paragraph: in a FactSet they
    /// would be squeezed into the value column beside a narrow title column.
    /// </summary>
    public const int LongFactLength = 80;

    /// <summary>One card per reply: a turn may answer with several replies, each with its own buttons.</summary>
    public static IReadOnlyList<JsonObject> Write(IEnumerable<ChatReply> replies) => replies.Select(reply => Write(reply)).ToList();

    /// <param name="inDialog">
    /// For a card shown in a dialog (a message action's task module), whose buttons can only be
    /// Action.Submit: pressing one submits the dialog with the button's data.
    /// </param>
    public static JsonObject Write(ChatReply reply, bool inDialog = false)
    {
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            body.Add(TextBlock(reply.Text));
        }

        AddFacts(body, reply.Facts);
        if (reply.Image is { } image)
        {
            // A URL, never a data: URI: a chart's bytes would pass Teams' ~28 KB message limit.
            body.Add(new JsonObject { ["type"] = "Image", ["url"] = image.Url, ["altText"] = image.AltText, ["size"] = "Stretch" });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = body,
        };
        if (reply.Actions.Count > 0)
        {
            card["actions"] = new JsonArray(reply.Actions.Select(button => (JsonNode)(ReplyLink.UrlOf(button) is { } url ? OpenUrlAction(button, url) : inDialog ? SubmitAction(button) : ExecuteAction(button))).ToArray());
        }

        // Teams draws cards narrow by default; full width keeps lead lists and long facts on fewer lines.
        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    /// <summary>The verb of a button: its payload's intent ("do"), else <see cref="DefaultVerb"/>.</summary>
    public static string VerbOf(IReadOnlyDictionary<string, string> payload) =>
        payload.TryGetValue(IntentPayload.IntentKey, out var intent) && !string.IsNullOrWhiteSpace(intent) ? intent : DefaultVerb;

    private static JsonObject ExecuteAction(ReplyAction button) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = button.Title,
        ["verb"] = VerbOf(button.Payload),
        ["data"] = Data(button.Payload),
        // Clients without Universal Actions send an Action.Submit's data back as a message value,
        // which TeamsTurns reads into the same ChatTurn.Action.
        ["fallback"] = SubmitAction(button),
    };

    private static JsonObject OpenUrlAction(ReplyAction button, string url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = button.Title,
        ["url"] = url,
    };

    private static JsonObject SubmitAction(ReplyAction button) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = button.Title,
        ["data"] = Data(button.Payload),
    };

    private static JsonObject Data(IReadOnlyDictionary<string, string> payload)
    {
        var data = new JsonObject();
        foreach (var (key, value) in payload)
        {
            data[key] = value;
        }

        return data;
    }

    private static void AddFacts(JsonArray body, IReadOnlyList<ReplyFact> facts)
    {
        // Consecutive short facts share one FactSet; a long one interrupts it, so the order is kept.
        JsonArray? run = null;
        foreach (var fact in facts)
        {
            if (IsLong(fact.Value))
            {
                run = null;
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = fact.Label, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" });
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = fact.Value, ["wrap"] = true, ["spacing"] = "None" });
                continue;
            }

            if (run is null)
            {
                run = [];
                body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = run });
            }

            run.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });
        }
    }

    private static bool IsLong(string value) => value.Length > LongFactLength || value.Contains('\n');

    private static JsonObject TextBlock(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
}
