using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// Puts the configured rulebook in the store at start: when the store has none, or holds one from a
/// different configuration. An unchanged configuration leaves the store as it is. Audited.
/// </summary>
public sealed class ApplyAssignmentRules(ICrmStore store, TimeProvider clock)
{
    /// <returns>True when the store's rulebook was replaced.</returns>
    public Task<bool> HandleAsync(AssignmentRulebook configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.AssignmentRules.Find() is { } current && current.Origin == configured.Origin)
            {
                return false;
            }

            session.AssignmentRules.Save(configured);
            session.Audit.Append(AuditTrail.Entry(AssignmentFlow.Engine, AuditActions.ApplyAssignmentRules, now, null, null, null, configured.Origin));
            return true;
        }, cancellationToken);
    }
}
