namespace ChatCrm.Channels.Teams.Auth;

/// <summary>Why an inbound Bot Framework request was refused; every one of them is answered with 401.</summary>
public enum BotAuthenticationFailure
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

    /// <summary>The issuer is neither Bot Framework nor Entra ID for the configured tenant.</summary>
    WrongIssuer,

    /// <summary>The audience is not our app id.</summary>
    WrongAudience,

    /// <summary>Expired or not yet valid, beyond the allowed clock skew, or without an expiry.</summary>
    Lifetime,

    /// <summary>The signing key is not endorsed for the Teams channel.</summary>
    NotEndorsed,

    /// <summary>The token's <c>serviceurl</c> claim is missing or differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,

    /// <summary>Any other validation failure of the token handler.</summary>
    InvalidToken,
}
