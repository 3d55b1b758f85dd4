using ChatCrm.Channels.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Channels.Teams.Tab;

/// <summary>
/// Checks the Teams SSO token the "My leads" tab sends (from <c>authentication.getAuthToken()</c>):
/// Bearer header, signature with a key from Entra ID's OpenID metadata, issuer (v2.0, of the token's
/// tenant or the configured one), audience (our app id or its Application ID URI), lifetime with
/// 5 minutes of skew, the <c>access_as_user</c> scope, and a user object id. Bad tokens are refused
/// with a reason, never thrown. Register as a singleton: it caches the signing keys.
/// </summary>
public sealed class TabTokenValidator
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used to fetch metadata and keys.</summary>
    public const string MetadataHttpClientName = "ChatCrm.Teams.Tab.OpenIdMetadata";

    // Entra ID signs with RSA; anything else (including "none") is refused before any key is tried.
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _teams;
    private readonly IReadOnlyList<string> _audiences;
    private readonly TimeProvider _time;
    private readonly ILogger<TabTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly BotSigningKeys _keys;

    /// <summary>Creates the validator; nothing is fetched until the first token arrives.</summary>
    public TabTokenValidator(
        IHttpClientFactory httpClientFactory,
        IOptions<TeamsOptions> teams,
        IOptions<TeamsTabOptions> tab,
        TimeProvider time,
        ILogger<TabTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _teams = teams.Value;
        _audiences = tab.Value.GetAcceptedAudiences(_teams.MicrosoftAppId);
        _time = time;
        _logger = logger;
        _keys = new BotSigningKeys(
            tab.Value.OpenIdMetadataUrl, () => httpClientFactory.CreateClient(MetadataHttpClientName), tab.Value.RequireHttpsMetadata, time, logger);
    }

    /// <summary>False when no app id is configured: there is no app a token could be issued for (development).</summary>
    public bool IsEnabled => _teams.IsAuthenticationEnabled();

    /// <summary>Checks the Authorization header of one request.</summary>
    /// <param name="authorizationHeader">The raw Authorization header, or null when absent.</param>
    /// <param name="cancellationToken">Cancels waiting for signing keys.</param>
    /// <exception cref="InvalidOperationException">Authentication is off, or the signing keys could never be fetched (an outage, not a bad token).</exception>
    public async Task<TabAuthenticationResult> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            throw new InvalidOperationException($"{TeamsOptions.SectionName}:MicrosoftAppId is empty: there is no app a Teams SSO token could be checked against.");
        }

        var result = await CheckAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        if (!result.IsAuthenticated)
        {
            _logger.LogWarning("Teams tab sign-in refused ({Failure}): {Reason}", result.Failure, result.Reason);
        }

        return result;
    }

    private async Task<TabAuthenticationResult> CheckAsync(string? header, CancellationToken cancellationToken)
    {
        if (BotTokenChecks.TryReadBearerToken(header, out var token) is { } headerFailure)
        {
            return headerFailure == BotAuthenticationFailure.MissingHeader
                ? Refused(TabAuthenticationFailure.MissingHeader, "No Authorization header.")
                : Refused(TabAuthenticationFailure.NotBearer, "The Authorization header is not 'Bearer <token>'.");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refused(TabAuthenticationFailure.MalformedToken, "The bearer token is not a JWT.");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return Refused(TabAuthenticationFailure.UnknownSigningKey, "The token names no signing key.");
        }

        var match = await _keys.FindAsync(unverified.Kid, cancellationToken).ConfigureAwait(false);
        if (match is null)
        {
            return Refused(TabAuthenticationFailure.UnknownSigningKey, $"Signing key '{unverified.Kid}' is not in the OpenID metadata.");
        }

        var validation = await _handler.ValidateTokenAsync(token, ParametersFor(match.Keys)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Refusal(validation.Exception);
        }

        var claims = validation.ClaimsIdentity;
        if (!TabTokenChecks.HasScope(claims.FindFirst(TabTokenChecks.ScopeClaim)?.Value, TeamsTabOptions.RequiredScope))
        {
            return Refused(TabAuthenticationFailure.MissingScope, $"The token was not granted the '{TeamsTabOptions.RequiredScope}' scope.");
        }

        var objectId = claims.FindFirst(TabTokenChecks.ObjectIdClaim)?.Value;
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return Refused(TabAuthenticationFailure.NoUser, "The token names no user (no oid claim).");
        }

        return TabAuthenticationResult.SignedIn(objectId, claims.FindFirst(TabTokenChecks.TenantIdClaim)!.Value);
    }

    private TokenValidationParameters ParametersFor(IReadOnlyList<SecurityKey> keys)
    {
        var tenantId = _teams.MicrosoftAppTenantId;
        var audiences = _audiences;
        return new TokenValidationParameters
        {
            RequireSignedTokens = true,
            IssuerSigningKeys = keys,
            ValidAlgorithms = AllowedAlgorithms,
            ValidateIssuer = true,
            IssuerValidator = (issuer, token, _) =>
                TabTokenChecks.IsAcceptedIssuer(issuer, TenantOf(token), tenantId)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not accepted."),
            ValidateAudience = true,
            AudienceValidator = (tokenAudiences, _, _) => TabTokenChecks.IsAcceptedAudience(tokenAudiences, audiences),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = BotTokenChecks.ClockSkew,
            // TokenValidationParameters.TimeProvider is not public in 8.23, so the lifetime check reads our clock itself.
            LifetimeValidator = (notBefore, expires, _, _) =>
                BotTokenChecks.IsWithinLifetime(notBefore, expires, _time.GetUtcNow(), BotTokenChecks.ClockSkew),
        };
    }

    private static string? TenantOf(SecurityToken token) =>
        token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(TabTokenChecks.TenantIdClaim, out var tenantId) ? tenantId : null;

    private static TabAuthenticationResult Refusal(Exception? exception) => exception switch
    {
        SecurityTokenMalformedException => Refused(TabAuthenticationFailure.MalformedToken, "The token cannot be read."),
        SecurityTokenSignatureKeyNotFoundException => Refused(TabAuthenticationFailure.UnknownSigningKey, "No published key verifies the token."),
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException =>
            Refused(TabAuthenticationFailure.BadSignature, "The token's signature does not verify."),
        SecurityTokenInvalidIssuerException => Refused(TabAuthenticationFailure.WrongIssuer, "The token's issuer is not Entra ID v2.0 of an accepted tenant."),
        SecurityTokenInvalidAudienceException => Refused(TabAuthenticationFailure.WrongAudience, "The token is not for this app."),
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException
            or SecurityTokenNoExpirationException =>
            Refused(TabAuthenticationFailure.Lifetime, "The token is expired or not yet valid."),
        _ => Refused(TabAuthenticationFailure.InvalidToken, $"The token is invalid ({exception?.GetType().Name ?? "unknown"})."),
    };

    private static TabAuthenticationResult Refused(TabAuthenticationFailure failure, string reason) =>
        TabAuthenticationResult.Refused(failure, reason);
}
