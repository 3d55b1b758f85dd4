using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// The Bot Framework protocol at the messaging endpoint: authenticate, parse, hand the turn to the
/// conversation pipeline, and answer. Replies to messages go out through the outbox as cards;
/// an Action.Execute invoke is answered inline, because for an invoke the HTTP response is the answer.
/// </summary>
public sealed class TeamsAdapter(
    BotRequestAuthenticator authenticator,
    ConversationPipeline pipeline,
    QueueDelivery queue,
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

        if (activity.Type == ActivityTypes.ConversationUpdate && activity.AddsBot())
        {
            await ReplyAsync(activity, [Rendering.HelpReply.For(LanguageOf(activity))], replyTo: null, cancellationToken);
            return TeamsAnswer.Accepted;
        }

        if (TeamsTurns.ToTurn(activity) is not { } turn)
        {
            return TeamsAnswer.Accepted;
        }

        var replies = await pipeline.HandleAsync(turn, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            var card = AdaptiveCardWriter.Write(replies).FirstOrDefault();
            var response = card is null ? InvokeResponse.Message(string.Empty) : InvokeResponse.Card(card);
            return new TeamsAnswer(200, response.ToJson());
        }

        await ReplyAsync(activity, replies, activity.Id, cancellationToken);
        return TeamsAnswer.Accepted;
    }

    private async Task ReplyAsync(TeamsActivity inbound, IReadOnlyList<ChatReply> replies, string? replyTo, CancellationToken cancellationToken)
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

        var delivery = new Delivery(TeamsTurns.Channel, JsonSerializer.Serialize(new TeamsAddress(reference, replyTo), TeamsJson.Options), TeamsJson.Serialize(message));
        await queue.HandleAsync($"{TeamsTurns.Channel}:{reference.UserAadObjectId ?? reference.UserId}", delivery, cancellationToken);
    }

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string LanguageOf(TeamsActivity activity) =>
        activity.Locale?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "zh" : "en";
}
