using ChatCrm.Core.Conversations;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Conversations;

/// <summary>Links, pending questions, handled messages and personal channels, each keyed by its natural key as _id.</summary>
internal static class ConversationDocuments
{
    public const string PersonalChannelUserKey = "UserKey";

    /// <summary>One per person and platform: the _id joins them, so saving again replaces.</summary>
    public static string PersonalChannelId(string userKey, string channel) => $"{channel}:{userKey}";

    // The address holds chat ids, which are personal data: kept as the protector makes it.
    public static BsonDocument PersonalChannelToDocument(PersonalChannel channel, IPersonalDataProtector protector)
    {
        var document = new BsonDocument
        {
            ["_id"] = PersonalChannelId(channel.UserKey, channel.Channel),
            [PersonalChannelUserKey] = channel.UserKey,
            ["Channel"] = channel.Channel,
            ["Address"] = protector.Protect(channel.Address),
            ["IsDirect"] = channel.IsDirect,
        };
        BsonFields.SetMoment(document, "SeenAt", channel.SeenAt);
        return document;
    }

    public static PersonalChannel ToPersonalChannel(BsonDocument document, IPersonalDataProtector protector) => new(
        BsonFields.GetRequiredText(document, PersonalChannelUserKey),
        BsonFields.GetRequiredText(document, "Channel"),
        protector.Reveal(BsonFields.GetRequiredText(document, "Address")),
        document["IsDirect"].AsBoolean,
        BsonFields.GetMoment(document, "SeenAt"));

    public static BsonDocument LinkToDocument(ConversationLink link)
    {
        var document = new BsonDocument
        {
            ["_id"] = link.ConversationKey,
            ["LeadNumber"] = link.LeadNumber,
            ["LinkedBy"] = link.LinkedBy,
        };
        BsonFields.SetMoment(document, "LinkedAt", link.LinkedAt);
        return document;
    }

    public static ConversationLink ToLink(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "LeadNumber"),
        BsonFields.GetRequiredText(document, "LinkedBy"),
        BsonFields.GetMoment(document, "LinkedAt"));

    public static BsonDocument QuestionToDocument(PendingQuestion question)
    {
        var document = new BsonDocument
        {
            ["_id"] = question.ConversationKey,
            ["MissingField"] = question.MissingField,
            ["IntentJson"] = question.IntentJson,
        };
        BsonFields.SetMoment(document, "AskedAt", question.AskedAt);
        return document;
    }

    public static PendingQuestion ToQuestion(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "MissingField"),
        BsonFields.GetRequiredText(document, "IntentJson"),
        BsonFields.GetMoment(document, "AskedAt"));

    public const string InboundReceivedAt = "ReceivedAt";

    public static BsonDocument InboundToDocument(InboundMessage message)
    {
        var document = new BsonDocument
        {
            ["_id"] = message.Key,
        };
        BsonFields.SetMoment(document, "ReceivedAt", message.ReceivedAt);
        return document;
    }

    public static InboundMessage ToInbound(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetMoment(document, "ReceivedAt"));
}
