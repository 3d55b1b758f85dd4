using System.Net;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// The token endpoint refused or could not be reached. Carries the HTTP status and the OAuth
/// <c>error</c>/<c>error_description</c>, never the secret or a token.
/// </summary>
public sealed class BotTokenException : Exception
{
    /// <summary>Creates the exception for an answer of the token endpoint.</summary>
    public BotTokenException(HttpStatusCode? statusCode, string? error, string? errorDescription, Exception? innerException = null)
        : base(Describe(statusCode, error, errorDescription), innerException)
    {
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The HTTP status of the answer; null when no answer came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth error code, such as <c>invalid_client</c>.</summary>
    public string? Error { get; }

    /// <summary>The endpoint's explanation of the error.</summary>
    public string? ErrorDescription { get; }

    private static string Describe(HttpStatusCode? statusCode, string? error, string? errorDescription)
    {
        var status = statusCode is { } code ? $"{(int)code} {code}" : "no answer";
        return $"Getting a Bot Framework token failed ({status}): {error ?? "no error code"}"
            + (string.IsNullOrWhiteSpace(errorDescription) ? "" : $" - {errorDescription}");
    }
}
