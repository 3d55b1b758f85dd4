namespace ChatCrm.Channels.Teams.Tab;

/// <summary>
/// The rules a Teams SSO token (an Entra ID v2.0 access token for our app) must pass beyond its
/// signature and lifetime, each a pure function so each can be tested on its own.
/// </summary>
internal static class TabTokenChecks
{
    /// <summary>The person's object id in their tenant; CRM users are linked to it.</summary>
    public const string ObjectIdClaim = "oid";

    /// <summary>The tenant that issued the token.</summary>
    public const string TenantIdClaim = "tid";

    /// <summary>The delegated scopes granted, space separated.</summary>
    public const string ScopeClaim = "scp";

    /// <summary>
    /// The v2.0 issuer of the token's own tenant (the common metadata's issuer is a template with a
    /// {tenantid} placeholder, so it cannot be compared as is). With a configured tenant, the token
    /// must come from that tenant.
    /// </summary>
    public static bool IsAcceptedIssuer(string? issuer, string? tokenTenantId, string? configuredTenantId)
    {
        if (string.IsNullOrWhiteSpace(issuer) || string.IsNullOrWhiteSpace(tokenTenantId))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(configuredTenantId)
            && !string.Equals(tokenTenantId, configuredTenantId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(issuer, $"https://login.microsoftonline.com/{tokenTenantId}/v2.0", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One of the token's audiences is one we accept (GUIDs and host names compare case-insensitively).</summary>
    public static bool IsAcceptedAudience(IEnumerable<string>? audiences, IReadOnlyCollection<string> accepted) =>
        audiences is not null
        && accepted.Count > 0
        && audiences.Any(audience => accepted.Contains(audience, StringComparer.OrdinalIgnoreCase));

    /// <summary>The space-separated <c>scp</c> claim holds the scope (scope names are case-sensitive).</summary>
    public static bool HasScope(string? scopes, string required) =>
        !string.IsNullOrWhiteSpace(scopes)
        && scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(required, StringComparer.Ordinal);
}
