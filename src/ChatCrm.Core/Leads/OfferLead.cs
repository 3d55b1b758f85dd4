using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Offers a lead from the pool to a salesperson, who is told at once and claims it with one tap.
/// Unlike a transfer, the lead is theirs only once they claim it, so a lead nobody takes stays
/// visible as waiting (the assignment rules build on this).
/// </summary>
public sealed class OfferLead(ICrmStore store, TimeProvider clock)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, string? toUser, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(toUser))
        {
            return Task.FromResult<Result<LeadChange>>(new MissingValue("to_user"));
        }

        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.OfferLead, (rights, lead) => rights.CanAssign(lead), now, (session, lead) =>
        {
            var target = UserMentions.Find(session, toUser);
            if (target is null || !LeadOwnership.CanTake(session, target))
            {
                return new UserNotFound(toUser);
            }

            if (lead.AssigneeKey == target.Key)
            {
                return new NoChange(lead.Number);
            }

            if (lead.OfferTo(target, now) is { } refused)
            {
                return refused;
            }

            Notices.LeadOfferedTo(session, target.Key, lead, actor.Key, now);
            return null;
        }, cancellationToken);
    }
}
