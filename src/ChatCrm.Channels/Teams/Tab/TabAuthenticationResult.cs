namespace ChatCrm.Channels.Teams.Tab;

/// <summary>
/// The outcome of checking a Teams SSO token: the person's Entra object id and tenant, or a refusal
/// with a reason that may be logged and answered (it never contains the token).
/// </summary>
public sealed record TabAuthenticationResult
{
    private TabAuthenticationResult(string? objectId, string? tenantId, TabAuthenticationFailure? failure, string? reason)
    {
        ObjectId = objectId;
        TenantId = tenantId;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>True when the token is valid and names a person.</summary>
    public bool IsAuthenticated => Failure is null;

    /// <summary>The person's Entra object id (<c>oid</c>), which CRM users are linked to; null when refused.</summary>
    public string? ObjectId { get; }

    /// <summary>The person's tenant (<c>tid</c>); null when refused.</summary>
    public string? TenantId { get; }

    /// <summary>Why the token was refused; null when accepted.</summary>
    public TabAuthenticationFailure? Failure { get; }

    /// <summary>A sentence saying what did not match; null when accepted.</summary>
    public string? Reason { get; }

    /// <summary>Accepted: the token was issued to this person for the tab.</summary>
    public static TabAuthenticationResult SignedIn(string objectId, string tenantId) =>
        new(objectId ?? throw new ArgumentNullException(nameof(objectId)), tenantId, null, null);

    /// <summary>Refused.</summary>
    public static TabAuthenticationResult Refused(TabAuthenticationFailure failure, string reason) =>
        new(null, null, failure, reason);
}
