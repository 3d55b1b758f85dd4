using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.Teams;

/// <summary>
/// The person's 1:1 chat with the bot in Teams: remembered from what they send (their own chat
/// when they write to the bot, else how to open one when they write in a group chat), forgotten
/// when they remove the app, and used to send them cards on the bot's own initiative.
/// </summary>
public sealed class TeamsPersonalChats(RememberPersonalChannel remember, IOptions<TeamsOptions> options, ILogger<TeamsPersonalChats> logger) : IProactiveChannel
{
    /// <inheritdoc />
    public string Channel => TeamsTurns.Channel;

    /// <inheritdoc />
    public bool IsOn => options.Value.Enabled;

    /// <summary>Remembers how to reach the sender of <paramref name="activity"/>; never fails the turn.</summary>
    public async Task RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(activity) is not { UserAadObjectId.Length: > 0 } reference)
        {
            return;
        }

        var personal = reference.ForPersonalChat();
        try
        {
            await remember.HandleAsync(Channel, reference.UserAadObjectId, JsonSerializer.Serialize(personal, TeamsJson.Options), personal.IsPersonalChat, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not remember the Teams chat of a {Type} activity", activity.Type);
        }
    }

    /// <summary>Forgets the sender's chat: they removed the app, so nothing can be sent there any more.</summary>
    public async Task ForgetAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.AadObjectId is { Length: > 0 } user && await remember.ForgetAsync(Channel, user, cancellationToken))
        {
            logger.LogInformation("A person removed the Teams app; their chat is forgotten");
        }
    }

    /// <inheritdoc />
    public Delivery? Write(PersonalChannel chat, ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var reference = JsonSerializer.Deserialize<ConversationReference>(chat.Address, TeamsJson.Options);
        if (reference is null || string.IsNullOrWhiteSpace(reference.ServiceUrl) || string.IsNullOrWhiteSpace(reference.BotId) || string.IsNullOrWhiteSpace(reference.UserId))
        {
            return null;
        }

        var message = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message(null, [AdaptiveCardWriter.Write(reply)]));
        return new Delivery(Channel, JsonSerializer.Serialize(new TeamsAddress(reference, ReplyToId: null), TeamsJson.Options), TeamsJson.Serialize(message));
    }
}
