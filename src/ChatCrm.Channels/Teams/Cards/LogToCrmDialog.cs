using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;

namespace ChatCrm.Channels.Teams.Cards;

/// <summary>
/// The dialog the "Log to CRM" message action opens: the chosen message as an editable note (the
/// person can trim the customer's words or add their own) and a button that logs it as a
/// follow-up on the chat's linked lead.
/// </summary>
public static class LogToCrmDialog
{
    /// <summary>The manifest's command id of the message action.</summary>
    public const string CommandId = "logToCrm";

    /// <summary>The id of the note input, which comes back in the submitted data.</summary>
    public const string NoteInput = "note";

    public static string Title(string language) => Say.In(language, "记录到 CRM", "Log to CRM");

    public static JsonObject Card(string message, string language) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = AdaptiveCardWriter.Schema,
        ["version"] = AdaptiveCardWriter.Version,
        ["body"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = Say.In(language, "把这条消息记为当前聊天所关联线索的跟进:", "Log this message as a follow-up on the lead linked to this chat:"),
                ["wrap"] = true,
            },
            new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = NoteInput,
                ["isMultiline"] = true,
                ["maxLength"] = ConversationPipeline.MaxTextLength,
                ["value"] = message.Length > ConversationPipeline.MaxTextLength ? message[..ConversationPipeline.MaxTextLength] : message,
                ["isRequired"] = true,
                ["errorMessage"] = Say.In(language, "请写下跟进内容", "Write what happened"),
            }),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = Say.In(language, "记录", "Log it"),
        }),
    };
}
