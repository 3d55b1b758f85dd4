using ChatCrm.Core.Assignment;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Assignment;

/// <summary>
/// A lead's assignment as a document keyed by lead number. <c>DueAt</c> (UTC ticks) is set only
/// while the assignment is open, standing in for a (state, next check) index; <c>RequestedAt</c>
/// is indexed for the health report's period.
/// </summary>
internal static class LeadAssignmentDocuments
{
    public const string DueAt = "DueAt";
    public const string RequestedAt = "RequestedAt";

    public static BsonDocument ToDocument(LeadAssignment assignment)
    {
        var document = new BsonDocument
        {
            ["_id"] = assignment.LeadNumber,
            ["SourceKey"] = assignment.SourceKey,
            ["Tags"] = new BsonArray(assignment.Tags.Select(tag => new BsonValue(tag))),
            ["State"] = BsonFields.Name<AssignmentState>(assignment.State),
            ["RuleKey"] = assignment.RuleKey,
            ["TeamKey"] = BsonFields.Text(assignment.TeamKey),
            ["Offers"] = new BsonArray(assignment.Offers.Select(OfferToDocument)),
            ["Candidates"] = new BsonArray(assignment.Candidates.Select(check => new BsonDocument
            {
                ["UserKey"] = check.UserKey,
                ["Verdict"] = BsonFields.Name<CandidateVerdict>(check.Verdict),
                ["Detail"] = BsonFields.Text(check.Detail),
            })),
            ["Steps"] = new BsonArray(assignment.Steps.Select(StepToDocument)),
            [DueAt] = assignment.IsOpen ? BsonFields.Ticks(assignment.NextCheckAt) : BsonValue.Null,
            ["Escalation"] = BsonFields.Name<EscalationReason>(assignment.Escalation),
            ["ClaimedBy"] = BsonFields.Text(assignment.ClaimedBy),
        };
        BsonFields.SetMoment(document, RequestedAt, assignment.RequestedAt);
        BsonFields.SetMoment(document, "NextCheckAt", assignment.NextCheckAt);
        BsonFields.SetMoment(document, "ClaimedAt", assignment.ClaimedAt);
        return document;
    }

    public static LeadAssignment ToAssignment(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "SourceKey"),
        [.. document["Tags"].AsArray.Select(tag => tag.AsString)],
        BsonFields.GetMoment(document, RequestedAt),
        BsonFields.GetName<AssignmentState>(document, "State"),
        BsonFields.GetRequiredText(document, "RuleKey"),
        BsonFields.GetText(document, "TeamKey"),
        [.. document["Offers"].AsArray.Select(offer => ToOffer(offer.AsDocument))],
        [.. document["Candidates"].AsArray.Select(check => new CandidateCheck(
            check["UserKey"].AsString,
            BsonFields.GetName<CandidateVerdict>(check.AsDocument, "Verdict"),
            BsonFields.GetText(check.AsDocument, "Detail")))],
        [.. document["Steps"].AsArray.Select(step => ToStep(step.AsDocument))],
        BsonFields.GetOptionalMoment(document, "NextCheckAt"),
        BsonFields.GetOptionalName<EscalationReason>(document, "Escalation"),
        BsonFields.GetText(document, "ClaimedBy"),
        BsonFields.GetOptionalMoment(document, "ClaimedAt"));

    private static BsonDocument OfferToDocument(AssignmentOffer offer)
    {
        var document = new BsonDocument
        {
            ["UserKey"] = offer.UserKey,
            ["Result"] = BsonFields.Name<OfferResult>(offer.Result),
        };
        BsonFields.SetMoment(document, "OfferedAt", offer.OfferedAt);
        BsonFields.SetMoment(document, "ClaimBy", offer.ClaimBy);
        BsonFields.SetMoment(document, "EndedAt", offer.EndedAt);
        return document;
    }

    private static AssignmentOffer ToOffer(BsonDocument document) => new(
        document["UserKey"].AsString,
        BsonFields.GetMoment(document, "OfferedAt"),
        BsonFields.GetMoment(document, "ClaimBy"),
        BsonFields.GetName<OfferResult>(document, "Result"),
        BsonFields.GetOptionalMoment(document, "EndedAt"));

    private static BsonDocument StepToDocument(AssignmentStep step)
    {
        var document = new BsonDocument
        {
            ["Kind"] = BsonFields.Name<AssignmentStepKind>(step.Kind),
            ["Took"] = step.Took.Ticks,
            ["Detail"] = BsonFields.Text(step.Detail),
        };
        BsonFields.SetMoment(document, "At", step.At);
        return document;
    }

    private static AssignmentStep ToStep(BsonDocument document) => new(
        BsonFields.GetName<AssignmentStepKind>(document, "Kind"),
        BsonFields.GetMoment(document, "At"),
        TimeSpan.FromTicks(document["Took"].AsInt64),
        BsonFields.GetText(document, "Detail"));
}
