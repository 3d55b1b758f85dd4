using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// The Bot Framework protocol at the messaging endpoint: authenticate, parse, remember how to reach
/// the sender, hand the turn to the conversation pipeline, and answer. Replies to messages go out
/// through the outbox as cards (a card whose Action.Submit button was pressed is updated in place);
/// invokes are answered inline, because for an invoke the HTTP response is the answer.
/// </summary>
public sealed class TeamsAdapter(
    BotRequestAuthenticator authenticator,
    ConversationPipeline pipeline,
    QueueDelivery queue,
    TeamsPersonalChats personalChats,
    ILogger<TeamsAdapter> logger)
{
    public async Task<TeamsAnswer> HandleAsync(string? authorization, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var parsed = TeamsJson.Parse(body);
        if (parsed.Activity is not { } activity)
        {
            return new TeamsAnswer(400, Problem: parsed.Error);
        }

        var authentication = await authenticator.AuthenticateAsync(authorization, activity.ServiceUrl, cancellationToken);
        if (!authentication.IsAuthenticated)
        {
            return new TeamsAnswer(401, Problem: authentication.Reason);
        }

        // A token binds serviceUrl to the channel; without one, replies could be aimed anywhere, so an
        // unauthenticated activity may only name a connector on this machine (Playground, Emulator).
        if (!authenticator.IsEnabled && !IsLoopback(activity.ServiceUrl))
        {
            return new TeamsAnswer(401, Problem: "Without authentication only a connector on this machine (loopback serviceUrl) is accepted.");
        }

        if (activity.RemovesApp() || (activity.RemovesBot() && activity.Conversation?.ConversationType == "personal"))
        {
            await personalChats.ForgetAsync(activity, cancellationToken);
            return TeamsAnswer.Accepted;
        }

        await personalChats.RememberAsync(activity, cancellationToken);
        if (activity.AddsBot())
        {
            await ReplyAsync(activity, [Rendering.HelpReply.For(LanguageOf(activity))], replyTo: null, WelcomeKey(activity), cancellationToken);
            return TeamsAnswer.Accepted;
        }

        if (activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.ComposeExtensionFetchTask)
        {
            return LogToCrmDialogFor(activity);
        }

        if (TeamsTurns.ToTurn(activity) is not { } turn)
        {
            return TeamsAnswer.Accepted;
        }

        var replies = await pipeline.HandleAsync(turn, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return InvokeAnswer(activity, replies);
        }

        // An Action.Submit button arrives as a message replying to the card it was on: like an
        // Action.Execute, its answer takes the card's place, so old buttons cannot be pressed twice.
        if (activity.CardSubmitValue() is not null && activity.ReplyToId is { Length: > 0 } pressedCard && replies.Count == 1)
        {
            await UpdateAsync(activity, replies[0], pressedCard, cancellationToken);
            return TeamsAnswer.Accepted;
        }

        await ReplyAsync(activity, replies, activity.Id, inboundKey: null, cancellationToken);
        return TeamsAnswer.Accepted;
    }

    private static TeamsAnswer InvokeAnswer(TeamsActivity activity, IReadOnlyList<ChatReply> replies)
    {
        if (activity.Name == InvokeNames.ComposeExtensionSubmitAction)
        {
            // The dialog stays open with the outcome (facts, Undo) until the person closes it.
            var language = LanguageOf(activity);
            var outcome = replies.Count > 0 ? AdaptiveCardWriter.Write(replies[0], inDialog: true) : null;
            return new TeamsAnswer(200, outcome is null ? DialogResponses.Message(LogToCrmDialog.Title(language)) : DialogResponses.Continue(LogToCrmDialog.Title(language), outcome));
        }

        var card = AdaptiveCardWriter.Write(replies).FirstOrDefault();
        var response = card is null ? InvokeResponse.Message(string.Empty) : InvokeResponse.Card(card);
        return new TeamsAnswer(200, response.ToJson());
    }

    private static TeamsAnswer LogToCrmDialogFor(TeamsActivity activity)
    {
        var language = activity.MessageAction()?.PlainText is { Length: > 0 } text ? Language.Embedded.LanguageDetector.Detect(text) : LanguageOf(activity);
        return activity.MessageAction() is { PlainText.Length: > 0 } chosen
            ? new TeamsAnswer(200, DialogResponses.Continue(LogToCrmDialog.Title(language), LogToCrmDialog.Card(chosen.PlainText, language)))
            : new TeamsAnswer(200, DialogResponses.Message(Rendering.Say.In(language,
                "这条消息没有可记录的文字。", "That message has no text to log.")));
    }

    private async Task ReplyAsync(TeamsActivity inbound, IReadOnlyList<ChatReply> replies, string? replyTo, string? inboundKey, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(inbound) is not { } reference)
        {
            logger.LogWarning("A Teams activity of type {Type} had no conversation to reply to", inbound.Type);
            return;
        }

        var message = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message(null, AdaptiveCardWriter.Write(replies)));
        if (replyTo is not null)
        {
            message = message with { ReplyToId = replyTo };
        }

        await QueueAsync(reference, new TeamsAddress(reference, replyTo), message, inboundKey, cancellationToken);
    }

    private async Task UpdateAsync(TeamsActivity inbound, ChatReply reply, string cardActivityId, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(inbound) is not { } reference)
        {
            return;
        }

        // PUT replaces the whole activity: the same conversation, with the new card, and its own id.
        var message = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message(null, [AdaptiveCardWriter.Write(reply)])) with { Id = cardActivityId };
        await QueueAsync(reference, new TeamsAddress(reference, ReplyToId: null, UpdateActivityId: cardActivityId), message, inboundKey: null, cancellationToken);
    }

    private async Task QueueAsync(ConversationReference reference, TeamsAddress address, TeamsActivity message, string? inboundKey, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(TeamsTurns.Channel, JsonSerializer.Serialize(address, TeamsJson.Options), TeamsJson.Serialize(message));
        await queue.HandleAsync($"{TeamsTurns.Channel}:{reference.UserAadObjectId ?? reference.UserId}", delivery, inboundKey, cancellationToken);
    }

    // Teams retries an activity it got no answer to: the welcome is queued once per activity id.
    private static string? WelcomeKey(TeamsActivity activity) =>
        string.IsNullOrEmpty(activity.Id) ? null : $"{TeamsTurns.Channel}:welcome:{activity.Conversation?.Id}:{activity.Id}";

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string LanguageOf(TeamsActivity activity) =>
        activity.Locale?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh" : "en";
}
