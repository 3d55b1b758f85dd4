using System.Globalization;
using ChatCrm.Core.Digest;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Digest;

/// <summary>A sent digest as a document, its _id the team and local date ("east:2026-11-19").</summary>
internal static class ManagerDigestDocuments
{
    public static string IdOf(string teamKey, DateOnly date) => teamKey + ":" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static BsonDocument ToDocument(ManagerDigest digest)
    {
        var document = new BsonDocument
        {
            ["_id"] = IdOf(digest.TeamKey, digest.Date),
            ["TeamKey"] = digest.TeamKey,
            ["TeamName"] = digest.TeamName,
            ["Date"] = digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["TimeZone"] = digest.TimeZone,
            ["NewYesterday"] = Sample(digest.NewYesterday),
            ["NewDayBefore"] = Sample(digest.NewDayBefore),
            ["FollowUpsYesterday"] = Sample(digest.FollowUpsYesterday),
            ["Stale"] = Sample(digest.Stale),
            ["Fastest"] = new BsonArray(digest.Fastest.Select(responder => (BsonValue)new BsonDocument
            {
                ["UserKey"] = responder.UserKey,
                ["DisplayName"] = responder.DisplayName,
                ["MedianTicks"] = responder.Median.Ticks,
                ["Leads"] = responder.Leads,
            })),
            ["RecipientKeys"] = new BsonArray(digest.RecipientKeys.Select(key => new BsonValue(key))),
            ["Metrics"] = DigestJson.Metrics(digest.Metrics),
            ["Exceptions"] = DigestJson.Exceptions(digest.Exceptions),
            ["ExceptionCounts"] = DigestJson.Counts(digest.ExceptionCounts),
        };
        BsonFields.SetMoment(document, "AsOf", digest.AsOf);
        return document;
    }

    public static ManagerDigest ToDigest(BsonDocument document) => new(
        BsonFields.GetRequiredText(document, "TeamKey"),
        BsonFields.GetRequiredText(document, "TeamName"),
        DateOnly.ParseExact(BsonFields.GetRequiredText(document, "Date"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        BsonFields.GetRequiredText(document, "TimeZone"),
        BsonFields.GetMoment(document, "AsOf"),
        ToSample(document["NewYesterday"].AsDocument),
        ToSample(document["NewDayBefore"].AsDocument),
        ToSample(document["FollowUpsYesterday"].AsDocument),
        ToSample(document["Stale"].AsDocument),
        [.. document["Fastest"].AsArray.Select(value => value.AsDocument).Select(responder => new ResponderTime(
            BsonFields.GetRequiredText(responder, "UserKey"),
            BsonFields.GetRequiredText(responder, "DisplayName"),
            TimeSpan.FromTicks(responder["MedianTicks"].AsInt64),
            responder["Leads"].AsInt32))],
        [.. document["RecipientKeys"].AsArray.Select(value => value.AsString)],
        DigestJson.ReadMetrics(BsonFields.GetText(document, "Metrics")),
        DigestJson.ReadExceptions(BsonFields.GetText(document, "Exceptions")),
        DigestJson.ReadCounts(BsonFields.GetText(document, "ExceptionCounts")));

    private static BsonDocument Sample(DigestSample sample) => new()
    {
        ["Count"] = sample.Count,
        ["Keys"] = new BsonArray(sample.Keys.Select(key => new BsonValue(key))),
    };

    private static DigestSample ToSample(BsonDocument document) =>
        new(document["Count"].AsInt32, [.. document["Keys"].AsArray.Select(value => value.AsString)]);
}
