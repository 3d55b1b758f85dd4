using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>
/// Every condition of a <see cref="LeadQuery"/>, checked on a stored document. It re-checks the
/// condition the index walk already applied too: cheap, and the answer stays right whichever
/// index the plan picks.
/// </summary>
internal sealed class LeadDocumentFilter(LeadQuery query)
{
    public bool Matches(BsonDocument lead)
    {
        if (!query.IncludeClosed && lead[LeadDocuments.Closed].AsBoolean)
        {
            return false;
        }

        if (query.OwnerKey is not null && !IsText(lead, LeadDocuments.OwnerKey, query.OwnerKey))
        {
            return false;
        }

        if (query.Unowned && !lead[LeadDocuments.OwnerKey].IsNull)
        {
            return false;
        }

        if (query.TeamKey is not null && !IsText(lead, LeadDocuments.TeamKey, query.TeamKey))
        {
            return false;
        }

        if (query.TeamKeys is { } teams && !(lead[LeadDocuments.TeamKey].IsString && teams.Contains(lead[LeadDocuments.TeamKey].AsString, StringComparer.Ordinal)))
        {
            return false;
        }

        if (query.AssigneeKey is not null && !IsText(lead, LeadDocuments.AssigneeKey, query.AssigneeKey))
        {
            return false;
        }

        if (query.LastActivityBefore is { } before && lead[LeadDocuments.LastActivityAt].AsInt64 >= before.UtcTicks)
        {
            return false;
        }

        if (query.CreatedWithin is { } created
            && (lead[LeadDocuments.CreatedAt].AsInt64 < created.From.UtcTicks || lead[LeadDocuments.CreatedAt].AsInt64 >= created.To.UtcTicks))
        {
            return false;
        }

        if (query.NextFollowUpWithin is { } window)
        {
            var next = BsonFields.GetTicks(lead, LeadDocuments.NextFollowUpAt);
            if (next is null || next < window.From.UtcTicks || next >= window.To.UtcTicks)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsText(BsonDocument lead, string field, string expected) =>
        lead[field].IsString && string.Equals(lead[field].AsString, expected, StringComparison.Ordinal);
}
