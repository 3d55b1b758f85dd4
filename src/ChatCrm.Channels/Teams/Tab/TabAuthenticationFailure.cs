namespace ChatCrm.Channels.Teams.Tab;

/// <summary>Why a request of the Teams tab was refused; every one of them is answered with 401.</summary>
public enum TabAuthenticationFailure
{
    /// <summary>No Authorization header.</summary>
    MissingHeader,

    /// <summary>An Authorization header with another scheme than Bearer, or no token after it.</summary>
    NotBearer,

    /// <summary>The token is not a readable JWT.</summary>
    MalformedToken,

    /// <summary>The token names no key, or a key the metadata does not list even after a refresh.</summary>
    UnknownSigningKey,

    /// <summary>The signature does not verify with the key the token names, or the algorithm is not allowed.</summary>
    BadSignature,

    /// <summary>The issuer is not Entra ID v2.0 for the token's own tenant, or the tenant is not the configured one.</summary>
    WrongIssuer,

    /// <summary>The audience is neither our app id nor its Application ID URI.</summary>
    WrongAudience,

    /// <summary>Expired or not yet valid, beyond the allowed clock skew, or without an expiry.</summary>
    Lifetime,

    /// <summary>The token's <c>scp</c> does not hold <see cref="TeamsTabOptions.RequiredScope"/>.</summary>
    MissingScope,

    /// <summary>The token names no user (<c>oid</c>).</summary>
    NoUser,

    /// <summary>Any other validation failure of the token handler.</summary>
    InvalidToken,
}
