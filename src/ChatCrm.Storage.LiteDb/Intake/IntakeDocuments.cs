using ChatCrm.Core.Intake;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Intake;

/// <summary>
/// Intake's records as documents. A source's field mapping is a list of {From, To} pairs, not a
/// sub-document, because the sender's field names may hold characters BSON keys should not. An
/// intake record's note is free text a person wrote, so it is kept as the protector makes it.
/// </summary>
internal static class IntakeDocuments
{
    public const string Hour = "Hour";
    public const string RecordLeadAt = "LeadAt";

    public static BsonDocument SourceToDocument(IntakeSource source)
    {
        var document = new BsonDocument
        {
            ["_id"] = source.Key,
            ["Channel"] = source.Channel,
            ["Secret"] = source.Secret,
            ["Fields"] = new BsonArray(source.Fields.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new BsonDocument { ["From"] = pair.Key, ["To"] = pair.Value.ToString() })),
            ["Tags"] = new BsonArray(source.Tags.Select(tag => new BsonValue(tag))),
            ["TeamKey"] = BsonFields.Text(source.TeamKey),
            ["Enabled"] = source.Enabled,
            ["LastError"] = BsonFields.Text(source.LastError),
            ["OwnerKey"] = BsonFields.Text(source.OwnerKey),
        };
        BsonFields.SetMoment(document, "CreatedAt", source.CreatedAt);
        BsonFields.SetMoment(document, "UpdatedAt", source.UpdatedAt);
        BsonFields.SetMoment(document, "LastErrorAt", source.LastErrorAt);
        return document;
    }

    public static IntakeSource ToSource(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Channel"),
        BsonFields.GetRequiredText(document, "Secret"),
        document["Fields"].AsArray.Select(value => value.AsDocument)
            .ToDictionary(pair => pair["From"].AsString, pair => Enum.Parse<IntakeField>(pair["To"].AsString), StringComparer.OrdinalIgnoreCase),
        [.. document["Tags"].AsArray.Select(tag => tag.AsString)],
        BsonFields.GetText(document, "TeamKey"),
        document["Enabled"].AsBoolean,
        BsonFields.GetMoment(document, "CreatedAt"),
        BsonFields.GetMoment(document, "UpdatedAt"),
        BsonFields.GetText(document, "LastError"),
        BsonFields.GetOptionalMoment(document, "LastErrorAt"),
        BsonFields.GetText(document, "OwnerKey"));

    /// <summary>One document per source and hour: "{source}|{hour ticks}".</summary>
    public static string CountId(string sourceKey, DateTimeOffset hour) =>
        $"{sourceKey}|{hour.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}";

    public static BsonDocument NewCount(string sourceKey, DateTimeOffset hour) => new()
    {
        ["_id"] = CountId(sourceKey, hour),
        ["SourceKey"] = sourceKey,
        [Hour] = hour.UtcTicks,
        [nameof(IntakeOutcome.Received)] = 0,
        [nameof(IntakeOutcome.Accepted)] = 0,
        [nameof(IntakeOutcome.Duplicate)] = 0,
        [nameof(IntakeOutcome.Rejected)] = 0,
        [nameof(IntakeOutcome.Replayed)] = 0,
        ["Alerted"] = false,
    };

    public static IntakeHourCount ToCount(BsonDocument document) => new(
        BsonFields.GetRequiredText(document, "SourceKey"),
        new DateTimeOffset(document[Hour].AsInt64, TimeSpan.Zero),
        document[nameof(IntakeOutcome.Received)].AsInt32,
        document[nameof(IntakeOutcome.Accepted)].AsInt32,
        document[nameof(IntakeOutcome.Duplicate)].AsInt32,
        document[nameof(IntakeOutcome.Rejected)].AsInt32,
        document[nameof(IntakeOutcome.Replayed)].AsInt32,
        document["Alerted"].AsBoolean);

    public const string ReceiptAt = "At";

    public static string ReceiptId(string sourceKey, string idempotencyKey) => $"{sourceKey}|{idempotencyKey}";

    public static BsonDocument ReceiptToDocument(IntakeReceipt receipt)
    {
        var document = new BsonDocument
        {
            ["_id"] = ReceiptId(receipt.SourceKey, receipt.IdempotencyKey),
            ["SourceKey"] = receipt.SourceKey,
            ["IdempotencyKey"] = receipt.IdempotencyKey,
            ["LeadNumber"] = receipt.Answer.LeadNumber,
            ["DuplicateOf"] = BsonFields.Text(receipt.Answer.DuplicateOf),
            ["MatchedBy"] = BsonFields.Text(receipt.Answer.MatchedBy),
            ["Assignment"] = receipt.Answer.Assignment,
            ["AssignedTo"] = BsonFields.Text(receipt.Answer.AssignedTo),
        };
        BsonFields.SetMoment(document, "At", receipt.At);
        return document;
    }

    public static IntakeReceipt ToReceipt(BsonDocument document) => new(
        BsonFields.GetRequiredText(document, "SourceKey"),
        BsonFields.GetRequiredText(document, "IdempotencyKey"),
        new IntakeAnswer(
            BsonFields.GetRequiredText(document, "LeadNumber"),
            BsonFields.GetText(document, "DuplicateOf"),
            BsonFields.GetText(document, "MatchedBy"),
            BsonFields.GetRequiredText(document, "Assignment"),
            BsonFields.GetText(document, "AssignedTo")),
        BsonFields.GetMoment(document, "At"));

    public static BsonDocument RecordToDocument(IntakeRecord record, IPersonalDataProtector protector)
    {
        var document = new BsonDocument
        {
            ["_id"] = record.Id,
            ["SourceKey"] = record.SourceKey,
            ["LeadNumber"] = record.LeadNumber,
            ["MatchedBy"] = BsonFields.Name(record.MatchedBy),
            ["Note"] = BsonFields.Text(record.Note is null ? null : protector.Protect(record.Note)),
            ["UtmCampaign"] = BsonFields.Text(record.Utm.Campaign),
            ["UtmSource"] = BsonFields.Text(record.Utm.Source),
            ["UtmMedium"] = BsonFields.Text(record.Utm.Medium),
            ["Consent"] = record.Consent is { } consent ? new BsonValue(consent) : BsonValue.Null,
            [RecordLeadAt] = BsonFields.OwnerAndTime(record.LeadNumber, record.At.UtcTicks),
        };
        BsonFields.SetMoment(document, "At", record.At);
        return document;
    }

    public static IntakeRecord ToRecord(BsonDocument document, IPersonalDataProtector protector) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "SourceKey"),
        BsonFields.GetRequiredText(document, "LeadNumber"),
        BsonFields.GetOptionalName<IntakeMatchKind>(document, "MatchedBy"),
        BsonFields.GetText(document, "Note") is { } note ? protector.Reveal(note) : null,
        new IntakeUtm(BsonFields.GetText(document, "UtmCampaign"), BsonFields.GetText(document, "UtmSource"), BsonFields.GetText(document, "UtmMedium")),
        document["Consent"].IsNull ? null : document["Consent"].AsBoolean,
        BsonFields.GetMoment(document, "At"));
}
