namespace ChatCrm.Core.Partners;

/// <summary>The endpoints a partner key can be allowed to call, by name.</summary>
public static class PartnerScopes
{
    /// <summary><c>GET /api/partner/leads/{number}/status</c>: stage, amount, won/lost, last update; never contacts.</summary>
    public const string LeadStatusRead = "lead.status.read";

    /// <summary><c>POST /api/partner/leads/{number}/followups</c>: log a follow-up on a lead the partner user may work.</summary>
    public const string FollowUpWrite = "followup.write";

    public static readonly IReadOnlyList<string> All = [LeadStatusRead, FollowUpWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
