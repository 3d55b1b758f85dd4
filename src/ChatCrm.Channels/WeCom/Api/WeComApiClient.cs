using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// The WeCom server API over the named <see cref="HttpClient"/> <see cref="HttpClientName"/> (quick
/// retries underneath, see <see cref="WeComApiSetup"/>): the calls of <see cref="IWeComApi"/>, and
/// sending or updating app messages for <see cref="WeComSender"/>. Every call carries the cached
/// access token; when WeCom refuses it (40001, 40014, 42001) the token is dropped, a new one
/// fetched and the call made once more. A non-zero errcode becomes a <see cref="WeComApiException"/>.
/// Register as a singleton: the JS-SDK tickets are cached in the instance.
/// </summary>
public sealed class WeComApiClient : IWeComApi
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client that calls WeCom, <c>gettoken</c> included.</summary>
    public const string HttpClientName = "ChatCrm.WeCom.Api";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly WeComAccessTokens _tokens;
    private readonly WeComOptions _options;
    private readonly ILogger<WeComApiClient> _logger;
    private readonly ExpiringValueCache _corpTicket;
    private readonly ExpiringValueCache _agentTicket;

    public WeComApiClient(IHttpClientFactory httpClientFactory, WeComAccessTokens tokens, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComApiClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options.Value;
        _logger = logger;
        _corpTicket = new ExpiringValueCache(time);
        _agentTicket = new ExpiringValueCache(time);
    }

    /// <inheritdoc />
    public async Task<string?> GetUserIdByCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var answer = await CallAsync(HttpMethod.Get, "auth/getuserinfo", null, cancellationToken, ("code", code)).ConfigureAwait(false);
        // auth/getuserinfo says "userid", the older user/getuserinfo "UserId"; someone who is not a
        // member gets only an openid (OpenId).
        return answer.Text("userid") ?? answer.Text("UserId");
    }

    /// <inheritdoc />
    public Task<string> GetJsApiTicketAsync(CancellationToken cancellationToken) =>
        _corpTicket.GetAsync(cancellation => FetchTicketAsync("get_jsapi_ticket", cancellation), cancellationToken);

    /// <inheritdoc />
    public Task<string> GetAgentJsApiTicketAsync(CancellationToken cancellationToken) =>
        _agentTicket.GetAsync(cancellation => FetchTicketAsync("ticket/get", cancellation, ("type", "agent_config")), cancellationToken);

    /// <inheritdoc />
    public async Task<WeComExternalContact?> GetExternalContactAsync(string externalUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalUserId);
        WeComAnswer answer;
        try
        {
            answer = await CallAsync(HttpMethod.Get, "externalcontact/get", null, cancellationToken, ("external_userid", externalUserId)).ConfigureAwait(false);
        }
        catch (WeComApiException exception) when (exception.ErrorCode == WeComErrorCodes.NotExternalContact)
        {
            return null;
        }

        if (answer.Body["external_contact"] is not JsonObject contact)
        {
            return null;
        }

        var details = answer with { Body = contact };
        return new WeComExternalContact(
            details.Text("external_userid") ?? externalUserId,
            details.Text("name") ?? string.Empty,
            details.Text("corp_name"),
            details.Text("position"),
            (int)(details.Number("type") ?? 0));
    }

    /// <summary>
    /// <c>message/send</c> with the complete body (<c>touser</c> and <c>agentid</c> included), sent
    /// as the JSON text it is. Write it unescaped: WeCom refuses <c>\uXXXX</c> escapes (40033).
    /// </summary>
    /// <exception cref="WeComApiException">WeCom refused the message (its errcode) or could not be reached (-1).</exception>
    public async Task<WeComMessageReceipt> SendMessageAsync(string messageJson, CancellationToken cancellationToken) =>
        ReceiptOf(await CallAsync(HttpMethod.Post, "message/send", messageJson, cancellationToken).ConfigureAwait(false));

    /// <summary><c>message/update_template_card</c> with the complete body (<c>userids</c>, <c>agentid</c>, <c>response_code</c>).</summary>
    /// <exception cref="WeComApiException">WeCom refused the update (its errcode) or could not be reached (-1).</exception>
    public async Task<WeComMessageReceipt> UpdateTemplateCardAsync(string updateJson, CancellationToken cancellationToken) =>
        ReceiptOf(await CallAsync(HttpMethod.Post, "message/update_template_card", updateJson, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <c>media/upload?type=image</c>: a temporary picture (kept by WeCom for 3 days) for an image
    /// message; the answer's <c>media_id</c>.
    /// </summary>
    /// <exception cref="WeComApiException">WeCom refused the upload (its errcode) or could not be reached (-1).</exception>
    public async Task<string> UploadImageAsync(byte[] png, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        var answer = await CallAsync(HttpMethod.Post, "media/upload", null, cancellationToken, () =>
        {
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            var form = new MultipartFormDataContent { { file, "media", fileName } };
            return form;
        }, ("type", "image")).ConfigureAwait(false);
        return answer.Text("media_id") ?? throw new WeComApiException(WeComErrorCodes.SystemBusy, "WeCom media/upload answered without a media_id");
    }

    private static WeComMessageReceipt ReceiptOf(WeComAnswer answer) =>
        new(answer.Users("invaliduser"), answer.Users("unlicenseduser"), answer.Text("msgid"), answer.Text("response_code"));

    private async Task<(string Value, TimeSpan Lifetime)> FetchTicketAsync(string path, CancellationToken cancellationToken, params (string Name, string? Value)[] query)
    {
        var answer = await CallAsync(HttpMethod.Get, path, null, cancellationToken, query).ConfigureAwait(false);
        var ticket = answer.Text("ticket");
        var seconds = answer.Number("expires_in");
        if (ticket is null || seconds is not > 0)
        {
            throw new WeComApiException(WeComErrorCodes.SystemBusy, $"WeCom {path} answered without a ticket or expires_in");
        }

        return (ticket, TimeSpan.FromSeconds(seconds.Value));
    }

    private Task<WeComAnswer> CallAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken, params (string Name, string? Value)[] query) =>
        CallAsync(method, path, json, cancellationToken, null, query);

    /// <param name="content">A fresh body for each try (a multipart upload), instead of <paramref name="json"/>.</param>
    private async Task<WeComAnswer> CallAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken, Func<HttpContent>? content, params (string Name, string? Value)[] query)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        for (var refreshed = false; ; refreshed = true)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, WeComUrls.Build(_options.ApiBaseUrl, path, [.. query, ("access_token", token)]));
            if (json is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = Json } };
            }
            else if (content is not null)
            {
                request.Content = content();
            }

            var answer = await WeComAnswers.SendAsync(client, request, path, cancellationToken).ConfigureAwait(false);
            if (!refreshed && WeComErrorCodes.IsRefusedToken(answer.ErrorCode))
            {
                // Expired or revoked before its time: one new token and one more try.
                _logger.LogInformation("WeCom refused the access token on {Operation} ({ErrorCode}); fetching a new one", path, answer.ErrorCode);
                _tokens.Forget(token);
                continue;
            }

            if (answer.ErrorCode != 0)
            {
                throw new WeComApiException(answer.ErrorCode, answer.ErrorMessage);
            }

            return answer;
        }
    }
}
