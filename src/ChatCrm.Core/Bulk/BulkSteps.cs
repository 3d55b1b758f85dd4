using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Bulk;

/// <summary>
/// The one-lead steps a bulk change (or an approved request) repeats: each lead re-checked against
/// the actor's rights and its state at this moment, changed, and audited on its own, so the lead's
/// history shows it. A lead that no longer qualifies is skipped, never half-changed.
/// </summary>
internal static class BulkSteps
{
    /// <summary>The actor an approved operation runs as: the requester, outside any conversation (so a later "undo" in chat never picks a step of it).</summary>
    public static Actor? Requester(ICrmSession session, Approvals.ApprovalRequest request) =>
        session.People.FindUser(request.RequesterKey) is { IsActive: true } user ? new Actor(user, request.Channel, null) : null;

    public static bool Transfer(ICrmSession session, Actor actor, AccessRights rights, Lead lead, User target, string? fromKey, DateTimeOffset now)
    {
        if (!rights.CanTransfer(lead) || (fromKey is not null && lead.OwnerKey != fromKey))
        {
            return false;
        }

        var before = lead.ToSnapshot();
        if (lead.TransferTo(target, now) is not null)
        {
            return false;
        }

        Save(session, actor, AuditActions.TransferLead, lead, before, now);
        return true;
    }

    public static bool Return(ICrmSession session, Actor actor, AccessRights rights, Lead lead, string? fromKey, DateTimeOffset now)
    {
        if (!rights.CanWork(lead) || (fromKey is not null && lead.OwnerKey != fromKey))
        {
            return false;
        }

        var before = lead.ToSnapshot();
        if (lead.ReturnToPool(now) is not null)
        {
            return false;
        }

        Save(session, actor, AuditActions.ReturnLead, lead, before, now);
        return true;
    }

    public static bool Delete(ICrmSession session, Actor actor, AccessRights rights, Lead lead, string reason, string? requestNumber, DateTimeOffset now)
    {
        if (!rights.CanDelete(lead))
        {
            return false;
        }

        session.RecycleBin.Put(lead, new BinEntry(actor.Key, now, reason, requestNumber));
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.DeleteLead, now, lead.Number, lead.ToSnapshot(), null, requestNumber));
        return true;
    }

    private static void Save(ICrmSession session, Actor actor, string action, Lead lead, LeadSnapshot before, DateTimeOffset now)
    {
        session.Leads.Update(lead);
        session.Audit.Append(AuditTrail.Entry(actor, action, now, lead.Number, before, lead.ToSnapshot()));
    }
}
