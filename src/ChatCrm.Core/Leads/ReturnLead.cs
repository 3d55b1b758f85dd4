using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Puts a lead back in the team's pool; the team's manager is told why.</summary>
public sealed class ReturnLead(ICrmStore store, TimeProvider clock)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.ReturnLead, (rights, lead) => rights.CanWork(lead), now, (session, lead) =>
        {
            if (lead.ReturnToPool(now) is { } refused)
            {
                return refused;
            }

            var manager = lead.TeamKey is null ? null : session.People.FindTeam(lead.TeamKey)?.ManagerKey;
            if (manager is not null && manager != actor.Key)
            {
                Notices.LeadReturnedToPool(session, manager, lead, actor.Key, reason, now);
            }

            return null;
        }, cancellationToken);
    }
}
