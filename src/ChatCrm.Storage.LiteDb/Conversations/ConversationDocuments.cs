using ChatCrm.Core.Conversations;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Conversations;

/// <summary>Links, pending questions and handled messages, each keyed by its natural key as _id.</summary>
internal static class ConversationDocuments
{

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
