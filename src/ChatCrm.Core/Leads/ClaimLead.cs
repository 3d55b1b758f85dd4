using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// A salesperson takes a lead: the one named, else the one linked to this chat, else the oldest
/// lead offered to them.
/// </summary>
public sealed class ClaimLead(ICrmStore store, TimeProvider clock)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (string.IsNullOrWhiteSpace(mention) && !IsLinked(session, actor))
            {
                var offered = session.Leads.List(new LeadQuery { AssigneeKey = actor.Key, Unowned = true, Limit = 1 });
                if (offered.Count == 0)
                {
                    return new NoLeadInContext();
                }

                mention = offered[0].Number;
            }

            return LeadEdit.Apply(session, actor, mention, AuditActions.ClaimLead, (rights, lead) => rights.CanClaim(lead), now, (_, lead) =>
            {
                if (lead.Claim(actor.User, now) is { } refused)
                {
                    return refused;
                }

                // Settles the lead's assignment in the same transaction, with the time from intake to claim.
                AssignmentFlow.Claimed(session, lead, actor.Key, now);
                return null;
            });
        }, cancellationToken);
    }

    private static bool IsLinked(ICrmSession session, Actor actor) =>
        actor.ConversationKey is not null && session.Conversations.FindLink(actor.ConversationKey) is not null;
}
