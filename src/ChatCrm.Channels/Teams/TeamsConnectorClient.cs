using System.Net.Http.Headers;
using System.Text;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Connector;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// Sends Teams deliveries from the outbox to the Bot Connector REST API: a reply to an activity
/// when the address names one, else a message to the conversation. One attempt per call, with the
/// connector client's quick retries underneath (see <see cref="TeamsConnectorSetup"/>); every
/// answer becomes a <see cref="SendOutcome"/> and the outbox decides about later attempts.
/// The bearer token comes from <see cref="BotAuthorizationHandler"/> on the named client.
/// </summary>
public sealed class TeamsConnectorClient(IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<TeamsConnectorClient> logger) : IChannelSender
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client that calls the Bot Connector.</summary>
    public const string HttpClientName = "ChatCrm.Teams.Connector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <inheritdoc />
    public string Channel => TeamsTurns.Channel;

    /// <inheritdoc />
    public Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var (teams, problem) = TeamsDelivery.Read(delivery);
        if (teams is null)
        {
            return Task.FromResult(SendOutcome.Rejected(problem!));
        }

        var conversation = teams.Address.Conversation;
        return teams.Address.ReplyToId is { Length: > 0 } replyToId
            ? ReplyToActivityAsync(conversation, replyToId, teams.ActivityJson, cancellationToken)
            : SendToConversationAsync(conversation, teams.ActivityJson, cancellationToken);
    }

    // POST v3/conversations/{id}/activities/{replyToId}: a reply threaded under an inbound activity.
    private Task<SendOutcome> ReplyToActivityAsync(ConversationReference conversation, string replyToId, string activityJson, CancellationToken cancellationToken) =>
        PostAsync("ReplyToActivity", () => ConnectorUrls.ReplyToActivity(conversation.ServiceUrl, conversation.ConversationId, replyToId), activityJson, cancellationToken);

    // POST v3/conversations/{id}/activities: a message to the conversation (proactive). Private: nothing is sent except through the outbox.
    private Task<SendOutcome> SendToConversationAsync(ConversationReference conversation, string activityJson, CancellationToken cancellationToken) =>
        PostAsync("SendToConversation", () => ConnectorUrls.SendToConversation(conversation.ServiceUrl, conversation.ConversationId), activityJson, cancellationToken);

    private async Task<SendOutcome> PostAsync(string operation, Func<Uri> url, string activityJson, CancellationToken cancellationToken)
    {
        Uri target;
        try
        {
            target = url();
        }
        catch (ArgumentException exception)
        {
            return SendOutcome.Rejected($"{operation} has no valid connector URL: {exception.Message}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(activityJson)) { Headers = { ContentType = Json } },
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
            }

            return outcome;
        }
        catch (HttpRequestException exception)
        {
            return SendOutcome.RetryLater($"Could not reach the Teams connector at {target.Authority} for {operation}: {exception.Message}");
        }
        catch (TimeoutRejectedException)
        {
            return SendOutcome.RetryLater($"The Teams connector at {target.Authority} did not answer {operation} in time");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, the backstop above the per-attempt timeout.
            return SendOutcome.RetryLater($"The Teams connector at {target.Authority} did not answer {operation} in time");
        }
        catch (BotTokenException exception)
        {
            return SendOutcome.RetryLater($"No bot token for {operation}: {exception.Message}");
        }
    }
}
