namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// What a <c>composeExtension/submitAction</c> invoke carries when a person runs a message action
/// (our "Log to CRM") on a chat message: the command and the message it was run on.
/// </summary>
/// <param name="CommandId">The manifest's command id.</param>
/// <param name="MessageId">The chosen message's id (<c>messagePayload.id</c>).</param>
/// <param name="Content">The message body as Teams sent it (usually HTML).</param>
/// <param name="ContentType">"html" or "text".</param>
/// <param name="PlainText">The body with tags removed and entities decoded, for the interpreter.</param>
/// <param name="AuthorAadObjectId">Who wrote the chosen message, which need not be who ran the action.</param>
public sealed record MessageActionValue(
    string? CommandId,
    string? MessageId,
    string Content,
    string? ContentType,
    string PlainText,
    string? AuthorAadObjectId);
