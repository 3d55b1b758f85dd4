using System.Globalization;
using ChatCrm.Core.Discipline;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Discipline;

/// <summary>The follow-up discipline's own records as documents: stale marks, evidence marks, and the jobs' state.</summary>
internal static class FollowUpDisciplineDocuments
{
    /// <summary>An evidence mark's time while it waits for a manager's list; null once listed.</summary>
    public const string Unlisted = "Unlisted";

    public static BsonDocument ToDocument(StaleMark mark)
    {
        var document = new BsonDocument { ["_id"] = mark.LeadNumber, ["OwnerKey"] = mark.OwnerKey };
        BsonFields.SetMoment(document, "LastActivityAt", mark.LastActivityAt);
        BsonFields.SetMoment(document, "StaleSince", mark.StaleSince);
        BsonFields.SetMoment(document, "ManagerToldAt", mark.ManagerToldAt);
        return document;
    }

    public static StaleMark ToStaleMark(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "OwnerKey"),
        BsonFields.GetMoment(document, "LastActivityAt"),
        BsonFields.GetMoment(document, "StaleSince"),
        BsonFields.GetMoment(document, "ManagerToldAt"));

    public static BsonDocument ToDocument(EvidenceMark mark)
    {
        var document = new BsonDocument
        {
            ["_id"] = mark.FollowUpId,
            ["LeadNumber"] = mark.LeadNumber,
            ["AuthorKey"] = mark.AuthorKey,
            ["TeamKey"] = BsonFields.Text(mark.TeamKey),
            ["Summary"] = mark.Summary,
            [Unlisted] = mark.ListedAt is null ? new BsonValue(mark.MarkedAt.UtcTicks) : BsonValue.Null,
        };
        BsonFields.SetMoment(document, "LoggedAt", mark.LoggedAt);
        BsonFields.SetMoment(document, "MarkedAt", mark.MarkedAt);
        BsonFields.SetMoment(document, "ListedAt", mark.ListedAt);
        return document;
    }

    public static EvidenceMark ToEvidenceMark(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "LeadNumber"),
        BsonFields.GetRequiredText(document, "AuthorKey"),
        BsonFields.GetText(document, "TeamKey"),
        BsonFields.GetMoment(document, "LoggedAt"),
        BsonFields.GetRequiredText(document, "Summary"),
        BsonFields.GetMoment(document, "MarkedAt"),
        BsonFields.GetOptionalMoment(document, "ListedAt"));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(BsonValue value) =>
        value.IsString && DateOnly.TryParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
