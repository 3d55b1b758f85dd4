using System.Text.Json;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// The rules an inbound Bot Framework token must pass, each a pure function so each can be tested on
/// its own (botbuilder-dotnet JwtTokenExtractor / teams.net JwtExtensions hold the same rules).
/// </summary>
internal static class BotTokenChecks
{
    /// <summary>Issuer of tokens the Bot Connector service sends to bots.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The channel id of Teams, which its signing keys must be endorsed for.</summary>
    public const string TeamsChannelId = "msteams";

    /// <summary>The claim holding the service url the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Clock skew tolerated on both ends of a token's lifetime.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Reads the token from an Authorization header; null token and a failure when it holds none.</summary>
    public static BotAuthenticationFailure? TryReadBearerToken(string? authorizationHeader, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return BotAuthenticationFailure.MissingHeader;
        }

        var header = authorizationHeader.Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return BotAuthenticationFailure.NotBearer;
        }

        // Auth schemes are case-insensitive (RFC 9110 11.1).
        if (!header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationFailure.NotBearer;
        }

        var value = header[(space + 1)..].Trim();
        if (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal))
        {
            return BotAuthenticationFailure.NotBearer;
        }

        token = value;
        return null;
    }

    /// <summary>
    /// Bot Framework's issuer always; Entra ID v1 and v2 issuers of the configured tenant only for a
    /// single-tenant bot (a multi-tenant bot has no tenant to pin, so it trusts Bot Framework only).
    /// </summary>
    public static bool IsAcceptedIssuer(string? issuer, string? tenantId)
    {
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IsEntraIssuer(issuer, tenantId);
    }

    /// <summary>True for the v1 or v2 Entra ID issuer of the given tenant.</summary>
    public static bool IsEntraIssuer(string? issuer, string? tenantId)
    {
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrWhiteSpace(tenantId))
        {
            return false;
        }

        return issuer.Equals($"https://sts.windows.net/{tenantId}/", StringComparison.OrdinalIgnoreCase)
            || issuer.Equals($"https://login.microsoftonline.com/{tenantId}/v2.0", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One of the token's audiences is our app id (GUIDs compare case-insensitively).</summary>
    public static bool IsOurAudience(IEnumerable<string>? audiences, string appId) =>
        !string.IsNullOrWhiteSpace(appId)
        && audiences is not null
        && audiences.Any(audience => string.Equals(audience, appId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The token has an expiry, and now lies within [notBefore - skew, expires + skew].</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew)
    {
        if (expires is not { } expiresAt)
        {
            return false;
        }

        if (now >= ToUtc(expiresAt) + skew)
        {
            return false;
        }

        return notBefore is not { } notBeforeAt || now >= ToUtc(notBeforeAt) - skew;
    }

    /// <summary>
    /// The key is endorsed for the channel. A key the metadata lists no endorsements for passes:
    /// only the Bot Framework metadata endorses keys, Entra ID metadata never does.
    /// </summary>
    public static bool IsEndorsedFor(IReadOnlyCollection<string>? endorsements, string channelId) =>
        endorsements is null || endorsements.Contains(channelId, StringComparer.Ordinal);

    /// <summary>The token was issued for the activity's service url (a trailing slash and letter case do not matter).</summary>
    public static bool IsSameServiceUrl(string? claimed, string? activityServiceUrl)
    {
        if (string.IsNullOrWhiteSpace(claimed) || string.IsNullOrWhiteSpace(activityServiceUrl))
        {
            return false;
        }

        return string.Equals(claimed.Trim().TrimEnd('/'), activityServiceUrl.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the <c>endorsements</c> member of a JWKS key as the metadata retriever stored it
    /// (a JSON element or a list, depending on the IdentityModel version); null when absent.
    /// </summary>
    public static IReadOnlyCollection<string>? ReadEndorsements(IDictionary<string, object>? additionalData)
    {
        if (additionalData is null || !additionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return null;
        }

        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
            string single => [single],
            System.Collections.IEnumerable items => items.Cast<object?>().Select(item => item?.ToString()).OfType<string>().ToArray(),
            _ => [],
        };
    }

    private static DateTimeOffset ToUtc(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc));
}
