using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// The self-built app's access token, from <c>gettoken?corpid=…&amp;corpsecret=…</c>. Cached until 5
/// minutes before <c>expires_in</c> runs out (on <see cref="TimeProvider"/>), fetched by one caller
/// at a time, and forgotten when WeCom refuses it early (40001, 40014, 42001). Register as a
/// singleton: the cache lives in the instance. Neither the secret nor a token is ever logged.
/// </summary>
public sealed class WeComAccessTokens
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly WeComOptions _options;
    private readonly ILogger<WeComAccessTokens> _logger;
    private readonly ExpiringValueCache _cache;

    /// <summary>Creates the provider; no token is requested until the first call.</summary>
    public WeComAccessTokens(IHttpClientFactory httpClientFactory, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComAccessTokens> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        _cache = new ExpiringValueCache(time);
    }

    /// <summary>A valid access token, from the cache when it is not close to expiry.</summary>
    /// <exception cref="WeComApiException">WeCom refused (its errcode), or could not be reached (-1).</exception>
    /// <exception cref="InvalidOperationException">No corp id or secret is configured.</exception>
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => _cache.GetAsync(RequestAsync, cancellationToken);

    /// <summary>
    /// Drops the cached token after WeCom refused it (revoked early, or the secret rotated), so the
    /// next call fetches a new one. With <paramref name="refusedToken"/>, only while that is still
    /// the one cached: concurrent callers refused the same token then fetch one new token, not one each.
    /// </summary>
    public void Forget(string? refusedToken = null) => _cache.Forget(refusedToken);

    private async Task<(string Value, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.CorpId) || string.IsNullOrWhiteSpace(_options.Secret))
        {
            throw new InvalidOperationException($"{WeComOptions.SectionName}:CorpId and Secret are needed for an access token.");
        }

        var url = WeComUrls.Build(_options.ApiBaseUrl, "gettoken", ("corpid", _options.CorpId.Trim()), ("corpsecret", _options.Secret.Trim()));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var answer = await WeComAnswers.SendAsync(_httpClientFactory.CreateClient(WeComApiClient.HttpClientName), request, "gettoken", cancellationToken).ConfigureAwait(false);
        if (answer.ErrorCode != 0)
        {
            _logger.LogError("WeCom refused an access token for corp {CorpId}: {ErrorCode} {ErrorMessage}", _options.CorpId, answer.ErrorCode, answer.ErrorMessage);
            throw new WeComApiException(answer.ErrorCode, answer.ErrorMessage);
        }

        var token = answer.Text("access_token");
        var seconds = answer.Number("expires_in");
        if (token is null || seconds is not > 0)
        {
            throw new WeComApiException(WeComErrorCodes.SystemBusy, "WeCom gettoken answered without an access_token or expires_in");
        }

        var lifetime = TimeSpan.FromSeconds(seconds.Value);
        _logger.LogInformation("Got a WeCom access token for corp {CorpId}, valid for {Lifetime}", _options.CorpId, lifetime);
        return (token, lifetime);
    }
}
