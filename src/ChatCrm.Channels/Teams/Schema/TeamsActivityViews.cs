using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// Typed readings of an activity for the kinds ChatCrm handles. Each returns null when the
/// activity is not of that kind, so a caller can try them in turn without knowing the JSON.
/// </summary>
public static partial class TeamsActivityViews
{
    /// <summary>
    /// The message text without the bot's @mention (group chats and channels prefix
    /// "&lt;at&gt;ChatCrm&lt;/at&gt;"). Mentions of other people keep the name without the tags,
    /// because "transfer it to @Bob" still needs Bob. Without mention entities every tag is removed.
    /// </summary>
    public static string? TextWithoutMentions(this TeamsActivity activity)
    {
        if (activity.Text is not { } text)
        {
            return null;
        }

        var mentions = activity.Entities?.Where(e => e.Type == TeamsEntity.MentionType && !string.IsNullOrEmpty(e.Text)).ToList() ?? [];
        foreach (var mention in mentions)
        {
            var isBot = activity.Recipient is null || mention.Mentioned is null || mention.Mentioned.Id == activity.Recipient.Id;
            var replacement = isBot ? string.Empty : AtTag().Replace(mention.Text!, match => match.Groups["name"].Value);
            text = text.Replace(mention.Text!, replacement, StringComparison.Ordinal);
        }

        // Tags no entity explains (the Emulator and hand-made activities send none) are removed.
        text = AtTag().Replace(text, string.Empty);
        return RepeatedSpaces().Replace(text, " ").Trim();
    }

    /// <summary>
    /// The data of an Adaptive Card Action.Submit: Teams sends it as a message with no text and
    /// the button's data (plus any inputs) as <c>value</c>.
    /// </summary>
    public static JsonElement? CardSubmitValue(this TeamsActivity activity) =>
        activity.Type == ActivityTypes.Message
        && activity.Value is { ValueKind: JsonValueKind.Object } value
        && string.IsNullOrWhiteSpace(activity.TextWithoutMentions())
            ? value
            : null;

    /// <summary>The pressed Action.Execute button of an <c>adaptiveCard/action</c> invoke.</summary>
    public static CardActionValue? CardAction(this TeamsActivity activity)
    {
        if (!IsInvoke(activity, InvokeNames.AdaptiveCardAction)
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? data = action.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d : null;
        return new CardActionValue(StringOf(action, "verb"), data, StringOf(action, "type"));
    }

    /// <summary>
    /// The message a message action was run on, from its <c>composeExtension/fetchTask</c> (the
    /// dialog is asked for) or <c>composeExtension/submitAction</c> (the dialog was submitted) invoke.
    /// </summary>
    public static MessageActionValue? MessageAction(this TeamsActivity activity)
    {
        if (!(IsInvoke(activity, InvokeNames.ComposeExtensionSubmitAction) || IsInvoke(activity, InvokeNames.ComposeExtensionFetchTask))
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("messagePayload", out var message)
            || message.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var body = message.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var content = body.ValueKind == JsonValueKind.Object ? StringOf(body, "content") ?? string.Empty : string.Empty;
        var contentType = body.ValueKind == JsonValueKind.Object ? StringOf(body, "contentType") : null;
        string? author = message.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
            && from.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? StringOf(user, "aadObjectId")
            : null;
        var plain = string.Equals(contentType, "text", StringComparison.OrdinalIgnoreCase) ? content.Trim() : HtmlToText(content);
        return new MessageActionValue(StringOf(value, "commandId"), StringOf(message, "id"), content, contentType, plain, author);
    }

    /// <summary>
    /// What the message action's dialog sent back on <c>composeExtension/submitAction</c>: its
    /// inputs and the pressed button's data (<c>value.data</c>); null when there is none.
    /// </summary>
    public static JsonElement? DialogData(this TeamsActivity activity) =>
        IsInvoke(activity, InvokeNames.ComposeExtensionSubmitAction)
        && activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : null;

    /// <summary>True for an installationUpdate that says the app was removed (uninstalled) for this person or chat.</summary>
    public static bool RemovesApp(this TeamsActivity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
        && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True for the conversationUpdate that says the bot itself was added (install or added to a chat).</summary>
    public static bool AddsBot(this TeamsActivity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.Recipient is { Id.Length: > 0 } bot
        && activity.MembersAdded?.Any(member => member.Id == bot.Id) == true;

    /// <summary>True for the conversationUpdate that says the bot was removed from the conversation.</summary>
    public static bool RemovesBot(this TeamsActivity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.Recipient is { Id.Length: > 0 } bot
        && activity.MembersRemoved?.Any(member => member.Id == bot.Id) == true;

    /// <summary>The sender's stable id: the Entra ID object id in Teams, else the channel id (Emulator).</summary>
    public static string? SenderId(this TeamsActivity activity) =>
        activity.From is null ? null
        : !string.IsNullOrWhiteSpace(activity.From.AadObjectId) ? activity.From.AadObjectId
        : string.IsNullOrWhiteSpace(activity.From.Id) ? null
        : activity.From.Id;

    private static bool IsInvoke(TeamsActivity activity, string name) =>
        activity.Type == ActivityTypes.Invoke && string.Equals(activity.Name, name, StringComparison.Ordinal);

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string HtmlToText(string html)
    {
        var text = LineBreakTag().Replace(html, "\n");
        text = AnyTag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>|</li>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex BlankLines();
}
