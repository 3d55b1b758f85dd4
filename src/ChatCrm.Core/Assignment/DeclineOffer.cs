using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// A salesperson turns down a lead offered to them (the Return button on the offer's card, or
/// /decline): the offer is withdrawn and, when the engine made it, the next candidate is offered
/// in the same transaction, so a "no" costs the customer no waiting; an offer a manager made by
/// hand goes back to the pool and the team's manager is told. Names the lead, else the oldest lead
/// offered to them.
/// </summary>
public sealed class DeclineOffer(ICrmStore store, TimeProvider clock, CrmSettings settings, AssignmentPolicy policy)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken) =>
        store.WriteAsync(session =>
        {
            var context = AssignmentContext.At(clock, settings, policy);
            if (string.IsNullOrWhiteSpace(mention))
            {
                var offered = session.Leads.List(new LeadQuery { AssigneeKey = actor.Key, Unowned = true, Limit = 1 });
                if (offered.Count == 0)
                {
                    return new NoLeadInContext();
                }

                mention = offered[0].Number;
            }

            var declined = LeadEdit.Apply(session, actor, mention, AuditActions.DeclineOffer, (rights, lead) => rights.CanSee(lead), context.Now, (_, lead) =>
                lead.OwnerKey is null && lead.AssigneeKey == actor.Key ? lead.WithdrawOffer(context.Now) : new NotOffered(lead.Number));
            if (declined.Value is { } change
                && AssignmentFlow.Declined(session, Lead.FromSnapshot(change.After), actor.Key, context).Kind == AssignmentMoveKind.None
                && change.After.TeamKey is { } team
                && session.People.FindTeam(team)?.ManagerKey is { } manager
                && manager != actor.Key)
            {
                // Offered by hand, not by the engine: whoever hands out the team's leads is told it is back in the pool.
                Notices.LeadReturnedToPool(session, manager, Lead.FromSnapshot(change.After), actor.Key, null, context.Now);
            }

            return declined;
        }, cancellationToken);
}
