using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// Maps an inbound Teams activity to the <see cref="ChatTurn"/> the conversation pipeline takes: a
/// typed message (mention removed), a card button (Action.Execute invoke or Action.Submit message
/// value) as its payload, or the note of a "Log to CRM" message action, to log as a follow-up.
/// Everything else (conversationUpdate, installationUpdate, reactions, unknown types) is not a turn:
/// the adapter handles or ignores it.
/// </summary>
public static class TeamsTurns
{
    public const string Channel = "teams";

    /// <summary>The turn an activity asks for, or null when it is not one the pipeline handles.</summary>
    public static ChatTurn? ToTurn(TeamsActivity activity)
    {
        if (activity.Conversation is not { Id.Length: > 0 } conversation || activity.SenderId() is not { } sender)
        {
            return null;
        }

        ChatTurn Turn(string? text, IReadOnlyDictionary<string, string>? action) =>
            new(Channel, conversation.Id, sender, string.IsNullOrEmpty(activity.Id) ? null : activity.Id, text, action, Origin: OriginOf(activity));

        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.CardSubmitValue() is { } submitted:
                return Turn(null, Payload(submitted));
            case ActivityTypes.Message when activity.TextWithoutMentions() is { Length: > 0 } text:
                return Turn(text, null);
            case ActivityTypes.Message:
                // A message with neither text nor a card value (an image, a file) has nothing to act on.
                return null;
            case ActivityTypes.Invoke when activity.CardAction() is { } pressed:
                return Turn(null, Payload(pressed));
            case ActivityTypes.Invoke when activity.Name == InvokeNames.ComposeExtensionSubmitAction:
                return LogToCrmTurn(activity, Turn);
            default:
                return null;
        }
    }

    // Teams tells the client's platform (Windows, Web, iOS …) in clientInfo; the HTTP request comes
    // from Microsoft's Bot Service, so no address of the person's is known.
    private static Core.Access.ActorOrigin? OriginOf(TeamsActivity activity) =>
        activity.Entities?.FirstOrDefault(entity => entity.Type == "clientInfo")?.Extra is { } info
        && info.TryGetValue("platform", out var platform) && platform.ValueKind == System.Text.Json.JsonValueKind.String
            ? Core.Access.ActorOrigin.Of(null, "Teams " + platform.GetString())
            : null;

    /// <summary>
    /// The "Log to CRM" dialog was submitted: a button inside it (Undo after logging) carries an
    /// intent payload; else the note as the person left it, else the chosen message itself.
    /// </summary>
    private static ChatTurn? LogToCrmTurn(TeamsActivity activity, Func<string?, IReadOnlyDictionary<string, string>?, ChatTurn> turn)
    {
        var data = activity.DialogData() is { } submitted ? PayloadOf(submitted) : [];
        if (data.ContainsKey(IntentPayload.IntentKey))
        {
            return turn(null, data);
        }

        var note = data.TryGetValue(LogToCrmDialog.NoteInput, out var edited) && !string.IsNullOrWhiteSpace(edited)
            ? edited
            : activity.MessageAction()?.PlainText;
        return string.IsNullOrWhiteSpace(note) ? null : turn(note, null) with { LogsFollowUp = true };
    }

    /// <summary>
    /// A button's data as the string dictionary our buttons were written from
    /// (<see cref="IntentPayload"/>); non-string values become their JSON text, nulls are dropped.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Payload(JsonElement data) => PayloadOf(data);

    private static Dictionary<string, string> PayloadOf(JsonElement data)
    {
        var payload = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return payload;
        }

        foreach (var property in data.EnumerateObject())
        {
            if (ToText(property.Value) is { } text)
            {
                payload[property.Name] = text;
            }
        }

        return payload;
    }

    private static IReadOnlyDictionary<string, string> Payload(CardActionValue pressed)
    {
        var payload = pressed.Data is { } data ? PayloadOf(data) : [];
        // A card not written by us (or an older one) may carry the intent only as the verb.
        if (!payload.ContainsKey(IntentPayload.IntentKey) && !string.IsNullOrWhiteSpace(pressed.Verb))
        {
            payload[IntentPayload.IntentKey] = pressed.Verb;
        }

        return payload;
    }

    private static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
