using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatCrm.Channels.Outbound;

namespace ChatCrm.Channels.Teams.Connector;

/// <summary>
/// Reads what the Bot Connector answered: the explicit status switch every operation shares, the
/// Retry-After it may ask for, and a short, log-safe excerpt of an error body.
/// </summary>
internal static class ConnectorAnswers
{
    private const int ExcerptLength = 200;

    public static async Task<SendOutcome> ToOutcomeAsync(HttpResponseMessage response, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous:
                return SendOutcome.Sent;
            case HttpStatusCode.TooManyRequests:
                return SendOutcome.RetryLater($"Teams throttled {operation} (429)", RetryAfter(response.Headers, time));
            case HttpStatusCode.RequestTimeout:
            case >= HttpStatusCode.InternalServerError:
                return SendOutcome.RetryLater($"Teams failed {operation} with {status} {response.ReasonPhrase}", RetryAfter(response.Headers, time));
            case HttpStatusCode.Unauthorized:
            case HttpStatusCode.Forbidden:
                // A token can expire between the cache check and the call, and a fresh one is fetched
                // next time; if it keeps happening, the app id, secret or tenant is wrong.
                return SendOutcome.RetryLater(
                    $"Teams refused the bot's token for {operation} ({status}): it may have just expired; if this repeats, check the app id, secret and tenant");
            default:
                var excerpt = await ExcerptAsync(response.Content, cancellationToken).ConfigureAwait(false);
                return SendOutcome.Rejected($"Teams rejected {operation} with {status} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : string.Empty)}");
        }
    }

    /// <summary>The wait the server asked for, as a delay or a date; null when it named none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider time)
    {
        if (headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The connector's error code and message (<c>{"error":{"code","message"}}</c>) or else the
    /// start of the body on one line: enough for an admin to see why, short enough for a log line.
    /// </summary>
    public static async Task<string> ExcerptAsync(HttpContent content, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }

        return FromErrorJson(body) ?? Shorten(body);
    }

    private static string? FromErrorJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = Text(error, "code");
                var message = Text(error, "message");
                return Shorten(string.Join(": ", new[] { code, message }.Where(part => !string.IsNullOrWhiteSpace(part))));
            }
        }
        catch (JsonException)
        {
            // Gateways answer in HTML or plain text; the raw start of it is the excerpt then.
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ExcerptLength ? oneLine : oneLine[..ExcerptLength] + "…";
    }
}
