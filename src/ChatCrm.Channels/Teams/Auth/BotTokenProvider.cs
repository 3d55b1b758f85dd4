using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// The bearer token the bot presents to the Bot Connector service, from the client-credentials flow.
/// Cached until 5 minutes before it expires (on <see cref="TimeProvider"/>), refreshed by one caller
/// at a time. Register as a singleton: the cache lives in the instance.
/// </summary>
public sealed class BotTokenProvider
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used to call the token endpoint.</summary>
    public const string HttpClientName = "ChatCrm.Teams.TokenEndpoint";

    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private CachedToken? _cached;

    /// <summary>Creates the provider; no token is requested until the first call.</summary>
    public BotTokenProvider(IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>A valid access token, from the cache when it is not close to expiry.</summary>
    /// <exception cref="BotTokenException">The token endpoint refused or could not be reached.</exception>
    /// <exception cref="InvalidOperationException">No app id or secret is configured.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(Volatile.Read(ref _cached)) is { } token)
        {
            return token;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued behind the one that refreshed take its token instead of asking again.
            if (IsFresh(_cached) is { } refreshed)
            {
                return refreshed;
            }

            var fetched = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, fetched);
            return fetched.Value;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>
    /// Drops the cached token after the connector refused it (revoked, or the secret rotated), so
    /// the next call fetches a new one instead of failing until the cached one expires.
    /// </summary>
    public void Forget() => Volatile.Write(ref _cached, null);

    private string? IsFresh(CachedToken? cached) =>
        cached is not null && _time.GetUtcNow() < cached.RefreshAt ? cached.Value : null;

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationEnabled() || string.IsNullOrWhiteSpace(_options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException($"{TeamsOptions.SectionName}:MicrosoftAppId and MicrosoftAppPassword are needed for an outbound token.");
        }

        var endpoint = _options.GetTokenEndpoint();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword,
            ["scope"] = _options.Scope,
        });

        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(endpoint, form, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new BotTokenException(null, null, $"The token endpoint {endpoint} could not be reached.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BotTokenException(null, null, $"The token endpoint {endpoint} did not answer in time.", exception);
        }

        using (response)
        {
            var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = new BotTokenException(response.StatusCode, ReadString(body, "error"), ReadString(body, "error_description"));
                _logger.LogError("Token endpoint {TokenEndpoint} refused app {AppId}: {Status} {Error}",
                    endpoint, _options.MicrosoftAppId, (int)response.StatusCode, failure.Error);
                throw failure;
            }

            var accessToken = ReadString(body, "access_token");
            var lifetime = ReadSeconds(body, "expires_in");
            if (string.IsNullOrEmpty(accessToken) || lifetime is not { } expiresIn)
            {
                throw new BotTokenException(response.StatusCode, "invalid_response", "The answer has no access_token or expires_in.");
            }

            // A token shorter-lived than twice the margin would never be served from the cache; refresh it at half-life instead.
            var margin = expiresIn < 2 * RefreshBeforeExpiry ? expiresIn / 2 : RefreshBeforeExpiry;
            _logger.LogInformation("Got a Bot Framework token for app {AppId}, valid for {Lifetime}", _options.MicrosoftAppId, expiresIn);
            return new CachedToken(accessToken, _time.GetUtcNow() + expiresIn - margin);
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Proxies and gateways answer failures in HTML; the status alone then tells the story.
            return null;
        }
    }

    private static string? ReadString(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static TimeSpan? ReadSeconds(JsonElement? body, string name)
    {
        if (body is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty(name, out var value))
        {
            return null;
        }

        // The v1 endpoint sends expires_in as a string, v2 as a number.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number > 0)
        {
            return TimeSpan.FromSeconds(number);
        }

        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out var parsed) && parsed > 0
            ? TimeSpan.FromSeconds(parsed)
            : null;
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
