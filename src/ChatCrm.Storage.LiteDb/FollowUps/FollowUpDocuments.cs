using ChatCrm.Core.FollowUps;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.FollowUps;

internal static class FollowUpDocuments
{
    public const string LeadNumber = "LeadNumber";
    public const string At = "At";

    /// <summary>
    /// The author-then-time index: "author|ticks", computed by LiteDB from the stored fields (so
    /// follow-ups stored before it need no backfill). Ticks are written with 19 digits, so the
    /// text sorts as the moments do.
    /// </summary>
    public const string AuthorAt = "AuthorAt";

    public const string AuthorAtExpression = "$.AuthorKey + '|' + FORMAT($.At, 'D19')";

    public static BsonValue AuthorAtKey(string author, DateTimeOffset moment) =>
        new(author + "|" + moment.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));

    public static BsonDocument ToDocument(FollowUp followUp)
    {
        var document = new BsonDocument
        {
            ["_id"] = followUp.Id,
            [LeadNumber] = followUp.LeadNumber,
            ["AuthorKey"] = followUp.AuthorKey,
            ["Channel"] = BsonFields.Name(followUp.Channel),
            ["Interest"] = BsonFields.Name(followUp.Interest),
            ["Summary"] = followUp.Summary,
            ["ConversationKey"] = BsonFields.Text(followUp.ConversationKey),
        };
        BsonFields.SetMoment(document, At, followUp.At);
        BsonFields.SetMoment(document, "NextAt", followUp.NextAt);
        return document;
    }

    public static FollowUp ToFollowUp(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, LeadNumber),
        BsonFields.GetRequiredText(document, "AuthorKey"),
        BsonFields.GetOptionalName<ContactChannel>(document, "Channel"),
        BsonFields.GetOptionalName<Interest>(document, "Interest"),
        BsonFields.GetRequiredText(document, "Summary"),
        BsonFields.GetMoment(document, At),
        BsonFields.GetOptionalMoment(document, "NextAt"),
        BsonFields.GetText(document, "ConversationKey"));
}
