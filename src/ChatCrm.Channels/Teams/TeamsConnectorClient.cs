using System.Net.Http.Headers;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Connector;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// Sends Teams deliveries from the outbox to the Bot Connector REST API: a card updated in place, a
/// reply to an activity, or a message to a conversation (opening the person's 1:1 chat first when
/// only their ids are known). One attempt per call, with the
/// connector client's quick retries underneath (see <see cref="TeamsConnectorSetup"/>); every
/// answer becomes a <see cref="SendOutcome"/> and the outbox decides about later attempts.
/// The bearer token comes from <see cref="BotAuthorizationHandler"/> on the named client.
/// </summary>
public sealed class TeamsConnectorClient(
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<TeamsConnectorClient> logger,
    BotTokenProvider? tokens = null,
    RememberPersonalChannel? remember = null) : IChannelSender
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client that calls the Bot Connector.</summary>
    public const string HttpClientName = "ChatCrm.Teams.Connector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <inheritdoc />
    public string Channel => TeamsTurns.Channel;

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var (teams, problem) = TeamsDelivery.Read(delivery);
        if (teams is null)
        {
            return SendOutcome.Rejected(problem!);
        }

        var address = teams.Address;
        var conversation = address.Conversation;
        if (address.UpdateActivityId is { Length: > 0 } updateId)
        {
            return (await CallAsync(HttpMethod.Put, "UpdateActivity", () => ConnectorUrls.UpdateActivity(conversation.ServiceUrl, conversation.ConversationId!, updateId), teams.ActivityJson, cancellationToken)).Outcome;
        }

        if (address.ReplyToId is { Length: > 0 } replyToId)
        {
            return (await CallAsync(HttpMethod.Post, "ReplyToActivity", () => ConnectorUrls.ReplyToActivity(conversation.ServiceUrl, conversation.ConversationId!, replyToId), teams.ActivityJson, cancellationToken)).Outcome;
        }

        var conversationId = conversation.ConversationId;
        if (string.IsNullOrEmpty(conversationId))
        {
            var opened = await OpenPersonalChatAsync(conversation, cancellationToken).ConfigureAwait(false);
            if (opened.Id is null)
            {
                return opened.Outcome;
            }

            conversationId = opened.Id;
        }

        return (await CallAsync(HttpMethod.Post, "SendToConversation", () => ConnectorUrls.SendToConversation(conversation.ServiceUrl, conversationId), teams.ActivityJson, cancellationToken)).Outcome;
    }

    // POST v3/conversations: opens the 1:1 chat with the person, or finds the one that exists (Teams
    // answers the same id every time), so doing it again after a crash is harmless.
    private async Task<(string? Id, SendOutcome Outcome)> OpenPersonalChatAsync(ConversationReference person, CancellationToken cancellationToken)
    {
        var body = OutgoingActivities.CreatePersonalConversation(person).ToJsonString(TeamsJson.Options);
        var (outcome, answer) = await CallAsync(HttpMethod.Post, "CreateConversation", () => ConnectorUrls.Conversations(person.ServiceUrl), body, cancellationToken).ConfigureAwait(false);
        if (outcome is not SentOutcome)
        {
            return (null, outcome);
        }

        if (ConversationIdIn(answer) is not { } id)
        {
            return (null, SendOutcome.RetryLater("Teams opened a conversation but its answer named no conversation id"));
        }

        if (remember is not null && person.UserAadObjectId is { Length: > 0 } user)
        {
            try
            {
                var direct = person with { ConversationId = id, ConversationType = "personal" };
                await remember.HandleAsync(Channel, user, JsonSerializer.Serialize(direct, TeamsJson.Options), isDirect: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The chat is found again next time; remembering it only saves that call.
                logger.LogWarning(exception, "Could not remember an opened Teams 1:1 chat");
            }
        }

        return (id, outcome);
    }

    private static string? ConversationIdIn(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(id.GetString())
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<(SendOutcome Outcome, string? Answer)> CallAsync(HttpMethod method, string operation, Func<Uri> url, string json, CancellationToken cancellationToken)
    {
        Uri target;
        try
        {
            target = url();
        }
        catch (ArgumentException exception)
        {
            return (SendOutcome.Rejected($"{operation} has no valid connector URL: {exception.Message}"), null);
        }

        using var request = new HttpRequestMessage(method, target)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = Json } },
        };

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var outcome = await ConnectorAnswers.ToOutcomeAsync(response, operation, time, cancellationToken).ConfigureAwait(false);
            if (outcome is not SentOutcome)
            {
                // Host only: the path holds conversation ids, which are personal data.
                logger.LogWarning("Teams {Operation} on {ConnectorHost} answered {Status}", operation, target.Authority, (int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    // The cached token may have been revoked or rotated early: the next attempt fetches a new one.
                    tokens?.Forget();
                }

                return (outcome, null);
            }

            return (outcome, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException exception)
        {
            return (SendOutcome.RetryLater($"Could not reach the Teams connector at {target.Authority} for {operation}: {exception.Message}"), null);
        }
        catch (TimeoutRejectedException)
        {
            return (SendOutcome.RetryLater($"The Teams connector at {target.Authority} did not answer {operation} in time"), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, the backstop above the per-attempt timeout.
            return (SendOutcome.RetryLater($"The Teams connector at {target.Authority} did not answer {operation} in time"), null);
        }
        catch (BotTokenException exception)
        {
            return (SendOutcome.RetryLater($"No bot token for {operation}: {exception.Message}"), null);
        }
    }
}
