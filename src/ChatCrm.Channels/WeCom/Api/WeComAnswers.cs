using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// Sends one request to WeCom and reads its answer. WeCom answers HTTP 200 with an errcode; anything
/// else (no answer, a timeout, a 5xx, a body that is not JSON) is a <see cref="WeComApiException"/>
/// with errcode -1, as WeCom's own "system busy", so callers treat both as worth retrying.
/// </summary>
internal static class WeComAnswers
{
    /// <param name="operation">The API path, for messages: never the URL, whose query holds the token or the secret.</param>
    /// <exception cref="WeComApiException">WeCom could not be reached or did not answer in its own form (errcode -1).</exception>
    public static async Task<WeComAnswer> SendAsync(HttpClient client, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw Unanswered(operation, $"could not be reached: {exception.Message}");
        }
        catch (TimeoutRejectedException)
        {
            throw Unanswered(operation, "did not answer in time");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, the backstop above the per-attempt timeout.
            throw Unanswered(operation, "did not answer in time");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw Unanswered(operation, $"answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var body = await ReadObjectAsync(response.Content, cancellationToken).ConfigureAwait(false)
                ?? throw Unanswered(operation, "answered with something other than a JSON object");
            // Some answers leave errcode out when all is well.
            var code = WeComAnswer.Number(body["errcode"]) ?? 0;
            var message = body["errmsg"] is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : string.Empty;
            return new WeComAnswer((int)code, message, body);
        }
    }

    /// <summary>
    /// The errcode of an HTTP 200 answer, for the retry pipeline's decision; null when there is
    /// none to read. Buffers the body, so the caller can still read it afterwards.
    /// </summary>
    public static async ValueTask<int?> PeekErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return await ReadObjectAsync(response.Content, cancellationToken).ConfigureAwait(false) is { } body
                && WeComAnswer.Number(body["errcode"]) is { } code
                    ? (int)code
                    : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Gateways in front of WeCom answer failures in HTML.
            return null;
        }
    }

    private static WeComApiException Unanswered(string operation, string what) =>
        new(WeComErrorCodes.SystemBusy, $"WeCom {operation} {what}");
}
