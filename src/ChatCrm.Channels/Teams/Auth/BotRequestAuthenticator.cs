using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// Checks the bearer token of an inbound Bot Framework request, in the order of the protocol:
/// Bearer header, signature with a key from the OpenID metadata, issuer, audience (our app id),
/// lifetime with 5 minutes of skew, the key's endorsement for Teams, and the token's
/// <c>serviceurl</c> against the activity's. Bad tokens are refused with a reason, never thrown.
/// Register as a singleton: it caches the signing keys.
/// </summary>
public sealed class BotRequestAuthenticator
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used to fetch metadata and keys.</summary>
    public const string MetadataHttpClientName = "ChatCrm.Teams.OpenIdMetadata";

    // Bot Framework signs with RSA; anything else (including "none") is refused before any key is tried.
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotRequestAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly BotSigningKeys _botFrameworkKeys;
    private readonly BotSigningKeys? _entraKeys;

    /// <summary>Creates the authenticator; nothing is fetched until the first token arrives.</summary>
    public BotRequestAuthenticator(
        IHttpClientFactory httpClientFactory,
        IOptions<TeamsOptions> options,
        TimeProvider time,
        ILogger<BotRequestAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _time = time;
        _logger = logger;
        HttpClient CreateClient() => httpClientFactory.CreateClient(MetadataHttpClientName);
        _botFrameworkKeys = new BotSigningKeys(_options.OpenIdMetadataUrl, CreateClient, _options.RequireHttpsMetadata, time, logger);
        var entraMetadata = _options.GetEntraOpenIdMetadataUrl();
        _entraKeys = entraMetadata is null
            ? null
            : new BotSigningKeys(entraMetadata, CreateClient, _options.RequireHttpsMetadata, time, logger);
    }

    /// <summary>False when no app id is configured: every request is then accepted anonymously.</summary>
    public bool IsEnabled => _options.IsAuthenticationEnabled();

    /// <summary>Checks one request.</summary>
    /// <param name="authorizationHeader">The raw Authorization header, or null when absent.</param>
    /// <param name="activityServiceUrl">The <c>serviceUrl</c> of the activity in the request body.</param>
    /// <param name="cancellationToken">Cancels waiting for signing keys.</param>
    /// <exception cref="InvalidOperationException">The signing keys could never be fetched (an outage, not a bad token).</exception>
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return BotAuthenticationResult.Anonymous();
        }

        var result = await CheckAsync(authorizationHeader, activityServiceUrl, cancellationToken).ConfigureAwait(false);
        if (!result.IsAuthenticated)
        {
            _logger.LogWarning("Bot Framework request refused ({Failure}): {Reason}", result.Failure, result.Reason);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> CheckAsync(string? header, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (BotTokenChecks.TryReadBearerToken(header, out var token) is { } headerFailure)
        {
            return BotAuthenticationResult.Refused(headerFailure, headerFailure == BotAuthenticationFailure.MissingHeader
                ? "No Authorization header."
                : "The Authorization header is not 'Bearer <token>'.");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Refused(BotAuthenticationFailure.MalformedToken, "The bearer token is not a JWT.");
        }

        if (string.IsNullOrEmpty(unverified.Kid))
        {
            return BotAuthenticationResult.Refused(BotAuthenticationFailure.UnknownSigningKey, "The token names no signing key.");
        }

        // The unverified issuer only picks where keys are looked up; the issuer itself is checked after the signature.
        var keys = _entraKeys is not null && BotTokenChecks.IsEntraIssuer(unverified.Issuer, _options.MicrosoftAppTenantId)
            ? _entraKeys
            : _botFrameworkKeys;
        var match = await keys.FindAsync(unverified.Kid, cancellationToken).ConfigureAwait(false);
        if (match is null)
        {
            return BotAuthenticationResult.Refused(BotAuthenticationFailure.UnknownSigningKey,
                $"Signing key '{unverified.Kid}' is not in the OpenID metadata.");
        }

        var validation = await _handler.ValidateTokenAsync(token, ParametersFor(match)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Refusal(validation.Exception);
        }

        if (!BotTokenChecks.IsEndorsedFor(match.Endorsements, BotTokenChecks.TeamsChannelId))
        {
            return BotAuthenticationResult.Refused(BotAuthenticationFailure.NotEndorsed,
                $"Signing key '{unverified.Kid}' is not endorsed for {BotTokenChecks.TeamsChannelId}.");
        }

        var claimedServiceUrl = validation.ClaimsIdentity.FindFirst(BotTokenChecks.ServiceUrlClaim)?.Value;
        if (!BotTokenChecks.IsSameServiceUrl(claimedServiceUrl, serviceUrl))
        {
            return BotAuthenticationResult.Refused(BotAuthenticationFailure.ServiceUrlMismatch,
                $"The token's serviceurl '{claimedServiceUrl}' is not the activity's serviceUrl '{serviceUrl}'.");
        }

        return BotAuthenticationResult.Authenticated(validation.ClaimsIdentity);
    }

    private TokenValidationParameters ParametersFor(BotSigningKeys.Match match)
    {
        var appId = _options.MicrosoftAppId!;
        var tenantId = _options.MicrosoftAppTenantId;
        return new TokenValidationParameters
        {
            RequireSignedTokens = true,
            IssuerSigningKeys = match.Keys,
            ValidAlgorithms = AllowedAlgorithms,
            ValidateIssuer = true,
            IssuerValidator = (issuer, _, _) => BotTokenChecks.IsAcceptedIssuer(issuer, tenantId)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not accepted."),
            ValidateAudience = true,
            AudienceValidator = (audiences, _, _) => BotTokenChecks.IsOurAudience(audiences, appId),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = BotTokenChecks.ClockSkew,
            // TokenValidationParameters.TimeProvider is not public in 8.23, so the lifetime check reads our clock itself.
            LifetimeValidator = (notBefore, expires, _, _) =>
                BotTokenChecks.IsWithinLifetime(notBefore, expires, _time.GetUtcNow(), BotTokenChecks.ClockSkew),
        };
    }

    private static BotAuthenticationResult Refusal(Exception? exception) => exception switch
    {
        SecurityTokenMalformedException => Refused(BotAuthenticationFailure.MalformedToken, "The token cannot be read."),
        SecurityTokenSignatureKeyNotFoundException => Refused(BotAuthenticationFailure.UnknownSigningKey, "No published key verifies the token."),
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidAlgorithmException =>
            Refused(BotAuthenticationFailure.BadSignature, "The token's signature does not verify."),
        SecurityTokenInvalidIssuerException => Refused(BotAuthenticationFailure.WrongIssuer, "The token's issuer is not accepted."),
        SecurityTokenInvalidAudienceException => Refused(BotAuthenticationFailure.WrongAudience, "The token is not for this bot's app id."),
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException
            or SecurityTokenNoExpirationException =>
            Refused(BotAuthenticationFailure.Lifetime, "The token is expired or not yet valid."),
        _ => Refused(BotAuthenticationFailure.InvalidToken, $"The token is invalid ({exception?.GetType().Name ?? "unknown"})."),
    };

    private static BotAuthenticationResult Refused(BotAuthenticationFailure failure, string reason) =>
        BotAuthenticationResult.Refused(failure, reason);
}
