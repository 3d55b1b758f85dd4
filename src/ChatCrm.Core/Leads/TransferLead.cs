using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Hands a lead to another salesperson, who is told at once.</summary>
public sealed class TransferLead(ICrmStore store, TimeProvider clock)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, string? toUser, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(toUser))
        {
            return Task.FromResult<Result<LeadChange>>(new MissingValue("to_user"));
        }

        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.TransferLead, (rights, lead) => rights.CanTransfer(lead), now, (session, lead) =>
        {
            var target = UserMentions.Find(session, toUser);
            if (target is null || !LeadOwnership.CanTake(session, target))
            {
                return new UserNotFound(toUser);
            }

            if (lead.TransferTo(target, now) is { } refused)
            {
                return refused;
            }

            if (target.Key != actor.Key)
            {
                Notices.LeadTransferredTo(session, target.Key, lead, actor.Key, now);
            }

            return null;
        }, cancellationToken);
    }
}
