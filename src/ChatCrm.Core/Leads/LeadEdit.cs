using ChatCrm.Core.Conversations;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// The shape every single-lead change shares: resolve the lead in the unit of work, check the
/// person may do the act, apply it, store the lead and its audit entry together.
/// </summary>
internal static class LeadEdit
{
    public delegate CrmError? Change(ICrmSession session, Lead lead);

    public static Task<Result<LeadChange>> RunAsync(
        ICrmStore store,
        Actor actor,
        string? mention,
        string action,
        Func<AccessRights, Lead, bool> mayDo,
        DateTimeOffset now,
        Change change,
        CancellationToken cancellationToken) =>
        store.WriteAsync(session => Apply(session, actor, mention, action, mayDo, now, change), cancellationToken);

    public static Result<LeadChange> Apply(
        ICrmSession session,
        Actor actor,
        string? mention,
        string action,
        Func<AccessRights, Lead, bool> mayDo,
        DateTimeOffset now,
        Change change)
    {
        if (InboundDedupe.Record(session, actor, now) is { } seen)
        {
            return seen;
        }

        var resolved = LeadResolver.Resolve(session, actor, mention);
        if (resolved.Value is not { } lead)
        {
            return resolved.Error!;
        }

        var rights = LeadAccess.Of(session, actor.User);
        if (!mayDo(rights, lead))
        {
            // "Claim it first" helps only where owning the lead would allow the act.
            return lead.OwnerKey is null && rights.CanClaim(lead) && action is not (AuditActions.ClaimLead or AuditActions.OfferLead or AuditActions.DeclineOffer)
                ? new NotOwned(lead.Number)
                : new NotPermitted(action, lead.Number);
        }

        var before = lead.ToSnapshot();
        if (change(session, lead) is { } refused)
        {
            return refused;
        }

        session.Leads.Update(lead);
        var after = lead.ToSnapshot();
        var entry = AuditTrail.Entry(actor, action, now, lead.Number, before, after);
        session.Audit.Append(entry);
        return Result<LeadChange>.Success(new LeadChange(entry.Id, before, after));
    }
}
