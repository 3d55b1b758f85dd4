using ChatCrm.Core.Approvals;
using ChatCrm.Core.Exports;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Approvals;

/// <summary>
/// Approval requests and export tickets as documents. Besides the request's own fields, three
/// derived ones carry the indexes its queries walk: AwaitingBy (the requester, while their code is
/// awaited), PendingApprovers (while a decision is awaited) and OpenExpiresAt (while open).
/// </summary>
internal static class ApprovalDocuments
{
    public const string AwaitingBy = "AwaitingBy";
    public const string PendingApprovers = "PendingApprovers";
    public const string PendingApproversIndexExpression = "$.PendingApprovers[*]";
    public const string OpenExpiresAt = "OpenExpiresAt";

    public static BsonDocument ToDocument(ApprovalRequest request)
    {
        var document = new BsonDocument
        {
            ["_id"] = request.Number,
            ["Kind"] = request.Kind,
            ["RequesterKey"] = request.RequesterKey,
            ["Channel"] = request.Channel,
            ["ConversationKey"] = BsonFields.Text(request.ConversationKey),
            ["Parameters"] = Map(request.Parameters),
            ["Summary"] = Map(request.Summary),
            ["Reason"] = request.Reason,
            ["CodeHash"] = request.CodeHash,
            ["ApproverKeys"] = new BsonArray(request.ApproverKeys.Select(key => new BsonValue(key))),
            ["State"] = request.State.ToString(),
            ["WrongCodes"] = request.WrongCodes,
            ["DeciderKey"] = BsonFields.Text(request.DeciderKey),
            ["DecisionReason"] = BsonFields.Text(request.DecisionReason),
            ["Outcome"] = request.Outcome is null ? BsonValue.Null : Map(request.Outcome),
            [AwaitingBy] = request.State == ApprovalState.AwaitingConfirmation ? request.RequesterKey : BsonValue.Null,
            [PendingApprovers] = request.State == ApprovalState.Pending ? new BsonArray(request.ApproverKeys.Select(key => new BsonValue(key))) : new BsonArray(),
            [OpenExpiresAt] = request.IsOpen ? request.ExpiresAt.UtcTicks : BsonValue.Null,
        };
        BsonFields.SetMoment(document, "RequestedAt", request.RequestedAt);
        BsonFields.SetMoment(document, "ExpiresAt", request.ExpiresAt);
        BsonFields.SetMoment(document, "ConfirmedAt", request.ConfirmedAt);
        BsonFields.SetMoment(document, "DecidedAt", request.DecidedAt);
        BsonFields.SetMoment(document, "FinishedAt", request.FinishedAt);
        return document;
    }

    public static ApprovalRequest ToRequest(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Kind"),
        BsonFields.GetRequiredText(document, "RequesterKey"),
        BsonFields.GetRequiredText(document, "Channel"),
        BsonFields.GetText(document, "ConversationKey"),
        FromMap(document["Parameters"].AsDocument),
        FromMap(document["Summary"].AsDocument),
        BsonFields.GetRequiredText(document, "Reason"),
        BsonFields.GetRequiredText(document, "CodeHash"),
        [.. document["ApproverKeys"].AsArray.Select(key => key.AsString)],
        BsonFields.GetName<ApprovalState>(document, "State"),
        BsonFields.GetMoment(document, "RequestedAt"),
        BsonFields.GetMoment(document, "ExpiresAt"),
        document["WrongCodes"].AsInt32,
        BsonFields.GetOptionalMoment(document, "ConfirmedAt"),
        BsonFields.GetText(document, "DeciderKey"),
        BsonFields.GetOptionalMoment(document, "DecidedAt"),
        BsonFields.GetText(document, "DecisionReason"),
        BsonFields.GetOptionalMoment(document, "FinishedAt"),
        document["Outcome"].IsNull ? null : FromMap(document["Outcome"].AsDocument));

    public static BsonDocument ExportToDocument(ExportTicket ticket)
    {
        var document = new BsonDocument
        {
            ["_id"] = ticket.Id,
            ["RequesterKey"] = ticket.RequesterKey,
            ["Scope"] = ticket.Scope.ToString(),
            ["WithPhones"] = ticket.WithPhones,
            ["TokenHash"] = ticket.TokenHash,
            ["Count"] = ticket.Count,
            ["RequestNumber"] = BsonFields.Text(ticket.RequestNumber),
        };
        BsonFields.SetMoment(document, "CreatedAt", ticket.CreatedAt);
        BsonFields.SetMoment(document, "ExpiresAt", ticket.ExpiresAt);
        BsonFields.SetMoment(document, "UsedAt", ticket.UsedAt);
        return document;
    }

    public static ExportTicket ToExport(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "RequesterKey"),
        BsonFields.GetName<ExportScope>(document, "Scope"),
        document["WithPhones"].AsBoolean,
        BsonFields.GetRequiredText(document, "TokenHash"),
        BsonFields.GetMoment(document, "CreatedAt"),
        BsonFields.GetMoment(document, "ExpiresAt"),
        document["Count"].AsInt32,
        BsonFields.GetText(document, "RequestNumber"),
        BsonFields.GetOptionalMoment(document, "UsedAt"));

    private static BsonDocument Map(IReadOnlyDictionary<string, string> values)
    {
        // Keys go in as values, not field names: a parameter key may hold characters a field name may not.
        var entries = new BsonArray(values.Select(pair => new BsonDocument { ["k"] = pair.Key, ["v"] = pair.Value }));
        return new BsonDocument { ["entries"] = entries };
    }

    private static Dictionary<string, string> FromMap(BsonDocument map) =>
        map["entries"].AsArray.Select(entry => entry.AsDocument).ToDictionary(entry => entry["k"].AsString, entry => entry["v"].AsString, StringComparer.Ordinal);
}
