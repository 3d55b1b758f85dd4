using System.Security.Claims;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// The outcome of checking an inbound Bot Framework request: authenticated with the token's claims,
/// or refused with a reason that may be logged (it never contains the token).
/// </summary>
public sealed record BotAuthenticationResult
{
    private BotAuthenticationResult(ClaimsIdentity? identity, BotAuthenticationFailure? failure, string? reason)
    {
        Identity = identity;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>True when the request may be processed.</summary>
    public bool IsAuthenticated => Failure is null;

    /// <summary>The token's claims; an empty, unauthenticated identity when authentication is off.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>Why the request was refused; null when accepted.</summary>
    public BotAuthenticationFailure? Failure { get; }

    /// <summary>A sentence for the log saying what did not match; null when accepted.</summary>
    public string? Reason { get; }

    /// <summary>Accepted with the claims of a validated token.</summary>
    public static BotAuthenticationResult Authenticated(ClaimsIdentity identity) =>
        new(identity ?? throw new ArgumentNullException(nameof(identity)), null, null);

    /// <summary>Accepted without a token because no app id is configured (development).</summary>
    public static BotAuthenticationResult Anonymous() => new(new ClaimsIdentity(), null, null);

    /// <summary>Refused.</summary>
    public static BotAuthenticationResult Refused(BotAuthenticationFailure failure, string reason) =>
        new(null, failure, reason);
}
