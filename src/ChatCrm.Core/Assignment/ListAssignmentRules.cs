using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>The rules in the order they are tried and each team's working hours, for an admin (/admin rule list).</summary>
public sealed class ListAssignmentRules(ICrmStore store)
{
    public async Task<Result<AssignmentRulebook>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("assignment.rules", null);
        }

        return Result<AssignmentRulebook>.Success(await store.ReadAsync(session => session.AssignmentRules.Find() ?? AssignmentRulebook.Empty, cancellationToken));
    }
}
