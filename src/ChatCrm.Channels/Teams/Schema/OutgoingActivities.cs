using System.Text.Json.Nodes;

namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// Builds the activities ChatCrm sends: a message with text and/or cards, addressed as a reply to
/// an inbound activity or to a stored <see cref="ConversationReference"/>. Posting them is the
/// connector client's job; URLs come from <see cref="ConnectorUrls"/>.
/// </summary>
public static class OutgoingActivities
{
    /// <summary>A message with text, cards or both; unaddressed (the URL says where it goes).</summary>
    public static TeamsActivity Message(string? text, IEnumerable<JsonObject>? cards = null)
    {
        var attachments = cards?.Select(TeamsAttachment.AdaptiveCard).ToList();
        if (string.IsNullOrEmpty(text) && attachments is not { Count: > 0 })
        {
            throw new ArgumentException("A message needs text or at least one card.", nameof(text));
        }

        return new TeamsActivity
        {
            Type = ActivityTypes.Message,
            Text = string.IsNullOrEmpty(text) ? null : text,
            // Our text is a sentence, not markup: plain keeps Teams from reading '*' or '_' in a name as formatting.
            TextFormat = string.IsNullOrEmpty(text) ? null : "plain",
            Attachments = attachments is { Count: > 0 } ? attachments : null,
        };
    }

    /// <summary>
    /// <paramref name="message"/> as a reply to <paramref name="inbound"/>: same conversation, from
    /// the bot to the sender, with <c>replyToId</c> set so Teams threads it under the message.
    /// </summary>
    public static TeamsActivity ReplyTo(TeamsActivity inbound, TeamsActivity message) => message with
    {
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        Conversation = inbound.Conversation is { } c ? new TeamsConversation { Id = c.Id, ConversationType = c.ConversationType, TenantId = c.TenantId, IsGroup = c.IsGroup } : null,
        From = inbound.Recipient,
        Recipient = inbound.From,
        ReplyToId = inbound.Id,
        Locale = inbound.Locale,
    };

    /// <summary><paramref name="message"/> addressed to a stored conversation, for a proactive send.</summary>
    public static TeamsActivity ToConversation(ConversationReference reference, TeamsActivity message) => message with
    {
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        // A 1:1 still to be opened has no id yet; the URL names the conversation anyway.
        Conversation = reference.ConversationId is { } id ? new TeamsConversation { Id = id, ConversationType = reference.ConversationType, TenantId = reference.TenantId } : null,
        From = new TeamsAccount { Id = reference.BotId },
        Recipient = new TeamsAccount { Id = reference.UserId, AadObjectId = reference.UserAadObjectId },
        ReplyToId = null,
    };

    /// <summary>
    /// The body of <c>POST {serviceUrl}v3/conversations</c> that opens (or finds) the 1:1 chat with
    /// the referenced person, optionally with a first activity.
    /// </summary>
    public static JsonObject CreatePersonalConversation(ConversationReference reference, TeamsActivity? first = null)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = reference.BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = reference.UserId }),
            ["isGroup"] = false,
        };
        if (reference.TenantId is { } tenant)
        {
            // Teams needs the tenant twice: top level (v3 schema) and in channelData (older connector).
            body["tenantId"] = tenant;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        }

        if (first is not null)
        {
            body["activity"] = System.Text.Json.JsonSerializer.SerializeToNode(first, TeamsJson.Options);
        }

        return body;
    }
}
