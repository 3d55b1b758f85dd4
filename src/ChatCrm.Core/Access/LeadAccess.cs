using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Access;

/// <summary>
/// Who may see and change which lead. Salespeople work their own leads and their team's pool;
/// managers their team's leads; admins everything.
/// </summary>
public static class LeadAccess
{
    public static bool CanSee(User user, Lead lead) => user.Role switch
    {
        Role.Admin => true,
        Role.Manager => lead.TeamKey is null || lead.TeamKey == user.TeamKey,
        _ => lead.OwnerKey == user.Key || lead.AssigneeKey == user.Key || (lead.OwnerKey is null && InPoolOf(user, lead)),
    };

    /// <summary>Change stage, amount, log follow-ups: the owner, or a manager of the lead's team.</summary>
    public static bool CanWork(User user, Lead lead) => user.Role switch
    {
        Role.Admin => true,
        Role.Manager => lead.TeamKey is null || lead.TeamKey == user.TeamKey,
        _ => lead.OwnerKey == user.Key,
    };

    public static bool CanClaim(User user, Lead lead) =>
        user.Role != Role.Admin && (lead.AssigneeKey == user.Key || InPoolOf(user, lead));

    /// <summary>Transfer to someone else: the owner, or a manager of the lead's team.</summary>
    public static bool CanTransfer(User user, Lead lead) => CanWork(user, lead);

    /// <summary>Offer a pool lead to a salesperson, who then claims it: a manager of the lead's team, or an admin.</summary>
    public static bool CanAssign(User user, Lead lead) => user.Role switch
    {
        Role.Admin => true,
        Role.Manager => lead.TeamKey is null || lead.TeamKey == user.TeamKey,
        _ => false,
    };

    private static bool InPoolOf(User user, Lead lead) => lead.TeamKey is null || lead.TeamKey == user.TeamKey;
}
