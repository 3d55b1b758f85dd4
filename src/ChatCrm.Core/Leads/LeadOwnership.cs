using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Who may end up owning a lead.</summary>
internal static class LeadOwnership
{
    /// <summary>An active person who takes leads (claim permission): the only kind a lead is offered or handed to.</summary>
    public static bool CanTake(ICrmSession session, User user) => user.IsActive && LeadAccess.Of(session, user).Has(Permission.Claim);

    /// <summary>Someone who works leads keeps what they create; an admin's or a finance clerk's goes to the pool.</summary>
    public static bool TakesWhatTheyCreate(ICrmSession session, User user)
    {
        var rights = LeadAccess.Of(session, user);
        return rights.Has(Permission.Edit) && !rights.IsAdmin;
    }
}
