using System.Text.Json;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Teams.Connector;

/// <summary>
/// A Teams delivery from the outbox, read back: where it goes and the activity, kept as the exact
/// JSON that was written (so fields we do not model reach Teams unchanged).
/// </summary>
internal sealed record TeamsDelivery(TeamsAddress Address, string ActivityJson)
{
    /// <summary>The delivery, or why it can never be sent (it is dead-lettered then).</summary>
    public static (TeamsDelivery? Delivery, string? Problem) Read(Delivery delivery)
    {
        TeamsAddress? address;
        try
        {
            address = JsonSerializer.Deserialize<TeamsAddress>(delivery.Address, TeamsJson.Options);
        }
        catch (JsonException exception)
        {
            return (null, $"The Teams address is not valid JSON: {exception.Message}");
        }

        // JSON null or missing members arrive as nulls despite the record's non-nullable types.
        if (address?.Conversation is not { } conversation || string.IsNullOrWhiteSpace(conversation.ServiceUrl))
        {
            return (null, "The Teams address has no conversation with a service URL.");
        }

        // Without a conversation id the 1:1 chat is opened first, which needs the bot and the person.
        if (string.IsNullOrWhiteSpace(conversation.ConversationId)
            && (string.IsNullOrWhiteSpace(conversation.BotId) || string.IsNullOrWhiteSpace(conversation.UserId) || address.ReplyToId is not null || address.UpdateActivityId is not null))
        {
            return (null, "The Teams address has neither a conversation id nor the bot and user ids to open a 1:1 chat.");
        }

        var activity = TeamsJson.Parse(delivery.Content);
        return activity.Succeeded
            ? (new TeamsDelivery(address, delivery.Content), null)
            : (null, $"The Teams activity cannot be sent: {activity.Error}");
    }
}
