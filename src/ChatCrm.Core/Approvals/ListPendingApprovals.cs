using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary><c>/approvals</c>: the confirmed requests waiting for this person's decision, oldest first.</summary>
public sealed class ListPendingApprovals(ICrmStore store, TimeProvider clock)
{
    public Task<IReadOnlyList<ApprovalRequest>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.ReadAsync<IReadOnlyList<ApprovalRequest>>(session =>
            [.. session.Approvals.PendingFor(actor.Key, 20).Where(request => request.ExpiresAt > now)], cancellationToken);
    }
}
