using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Inbound;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Channels.WeCom.Callback;

/// <summary>
/// Handles a WeCom message after WeCom got its answer: a text to the app takes the same road as
/// the web chat, and the replies go back through the outbox as text or template cards; a card's
/// button press is a button turn, after which the card's buttons are replaced by "done"; a
/// customer added, edited or deleted by a salesperson keeps the lead in step
/// (<see cref="TakeExternalContact"/>). Anything else is ignored.
/// </summary>
public sealed class WeComInboundHandler(
    ConversationPipeline pipeline,
    QueueDelivery queue,
    WeComPersonalChats chats,
    TakeExternalContact contacts,
    TimeProvider clock,
    ILogger<WeComInboundHandler> logger,
    IWeComApi api) : IInboundHandler
{
    /// <summary>The conversation id of a member's chat with the app.</summary>
    public const string AppConversation = "app";

    /// <inheritdoc />
    public string Channel => WeComChannel.Name;

    /// <inheritdoc />
    public async Task HandleAsync(string key, string payload, CancellationToken cancellationToken)
    {
        var read = WeComXml.Read(payload);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException($"The stored WeCom message cannot be read: {read.Problem}");
        }

        var fields = read.Fields!;
        var from = fields.GetValueOrDefault("FromUserName") ?? string.Empty;
        switch (fields.GetValueOrDefault("MsgType"))
        {
            case "text":
                await chats.RememberAsync(from, cancellationToken);
                await AnswerAsync(new ChatTurn(Channel, AppConversation, from, key, fields.GetValueOrDefault("Content"), null), cancellationToken);
                break;
            case "event":
                await HandleEventAsync(key, fields, from, cancellationToken);
                break;
            case "image" or "voice" or "video" or "file" or "location" or "link":
                await SendAsync(from, [ChatReply.Plain(Say.In("zh",
                    "暂时只能读文字消息,请用一句话告诉我发生了什么。", "I can only read text for now."))], cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task HandleEventAsync(string key, IReadOnlyDictionary<string, string> fields, string from, CancellationToken cancellationToken)
    {
        switch (fields.GetValueOrDefault("Event"))
        {
            case "template_card_event":
                await PressAsync(key, fields, from, cancellationToken);
                break;
            case "subscribe":
                await chats.RememberAsync(from, cancellationToken);
                await SendAsync(from, [HelpReply.For("zh")], cancellationToken);
                break;
            case "enter_agent":
                await chats.RememberAsync(from, cancellationToken);
                break;
            case "change_external_contact":
                await ContactChangedAsync(key, fields, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task PressAsync(string key, IReadOnlyDictionary<string, string> fields, string from, CancellationToken cancellationToken)
    {
        var payload = WeComButtonKey.Read(fields.GetValueOrDefault("EventKey"));
        var replies = payload is null
            ? [ChatReply.Plain(Say.In("zh", "这个按钮已经失效了。", "That button no longer works."))]
            : await pipeline.HandleAsync(new ChatTurn(Channel, AppConversation, from, key, null, payload), cancellationToken);
        if (fields.GetValueOrDefault("TaskId") is { Length: > 0 } taskId && fields.GetValueOrDefault("ResponseCode") is { Length: > 0 } responseCode)
        {
            // The pressed card keeps its facts; its buttons give way to a note, so they cannot be pressed twice.
            var language = payload?.GetValueOrDefault(IntentPayload.LanguageKey) ?? "zh";
            var update = WeComMessageWriter.PressedCardUpdate(responseCode, Say.In(language, "已处理", "Done"));
            var address = JsonSerializer.Serialize(new WeComAddress(from, UpdateTaskId: taskId), WeComPersonalChats.Json);
            await queue.HandleAsync(RecipientKey(from), new Delivery(Channel, address, update.ToJsonString()), inboundKey: null, cancellationToken);
        }

        await SendAsync(from, replies, cancellationToken);
    }

    private async Task ContactChangedAsync(string key, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var salesperson = fields.GetValueOrDefault("UserID");
        var customer = fields.GetValueOrDefault("ExternalUserID");
        if (string.IsNullOrWhiteSpace(salesperson) || string.IsNullOrWhiteSpace(customer))
        {
            logger.LogWarning("A WeCom contact event without UserID or ExternalUserID was ignored");
            return;
        }

        var conversation = new ChatTurn(Channel, ContactConversation(customer), salesperson, null, null, null).ConversationKey;
        Result<ContactTaken>? result = null;
        switch (fields.GetValueOrDefault("ChangeType"))
        {
            case "add_external_contact" or "add_half_external_contact":
                var details = await DetailsAsync(customer, cancellationToken);
                result = await contacts.AddedAsync(Channel, salesperson, customer, details?.Name, details?.CorpName, conversation, key, cancellationToken);
                break;
            case "edit_external_contact":
                var edited = await DetailsAsync(customer, cancellationToken);
                await contacts.EditedAsync(Channel, customer, edited?.Name, edited?.CorpName, cancellationToken);
                break;
            case "del_external_contact":
                result = await contacts.RemovedAsync(Channel, salesperson, customer, ContactRemoval.BySalesperson, conversation, key, cancellationToken);
                break;
            case "del_follow_user":
                result = await contacts.RemovedAsync(Channel, salesperson, customer, ContactRemoval.ByCustomer, conversation, key, cancellationToken);
                break;
            default:
                break;
        }

        if (result is { Error: UserNotFound })
        {
            logger.LogInformation("A WeCom contact event for a member who is not a ChatCrm user was ignored");
        }
    }

    /// <summary>The conversation id of a salesperson's chat with a customer, as the sidebar keys it too.</summary>
    public static string ContactConversation(string externalUserId) => "contact:" + externalUserId;

    // The name and company make the lead recognisable; without them (API down, not allowed) a
    // placeholder name is used and the salesperson renames it, so the event is never lost.
    private async Task<WeComExternalContact?> DetailsAsync(string externalUserId, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetExternalContactAsync(externalUserId, cancellationToken);
        }
        catch (Exception exception) when (exception is WeComApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not read a WeCom external contact's details: {Reason}", exception.Message);
            return null;
        }
    }

    private async Task AnswerAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        await SendAsync(turn.SenderId, await pipeline.HandleAsync(turn, cancellationToken), cancellationToken);

    private async Task SendAsync(string userId, IReadOnlyList<ChatReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await queue.HandleAsync(RecipientKey(userId), WeComPersonalChats.MessageTo(userId, reply, clock), inboundKey: null, cancellationToken);
            if (reply.Image is { } image)
            {
                await queue.HandleAsync(RecipientKey(userId), WeComPersonalChats.ImageTo(userId, image), inboundKey: null, cancellationToken);
            }
        }
    }

    private static string RecipientKey(string userId) => $"{WeComChannel.Name}:{userId}";
}
