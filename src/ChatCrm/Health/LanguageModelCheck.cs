using System.Net.Http.Headers;
using ChatCrm.Core.Health;

namespace ChatCrm.Health;

/// <summary>
/// The language model works when GET {endpoint}/models answers 2xx with our key
/// (ChatCrm:Language:OpenAI:Endpoint and ApiKey); without an endpoint there is no model to check.
/// </summary>
public sealed class LanguageModelCheck(IHttpClientFactory httpClients, IConfiguration configuration) : IIntegrationCheck
{
    public const string HttpClientName = "ChatCrm.Health.LanguageModel";
    public const string Section = "ChatCrm:Language:OpenAI";

    public string Name => "language-model";

    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var endpoint = configuration[$"{Section}:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return CheckResult.NotConfigured;
        }

        if (!Uri.TryCreate(endpoint.TrimEnd('/') + "/models", UriKind.Absolute, out var models) || models.Scheme is not ("http" or "https"))
        {
            return CheckResult.Failed($"{Section}:Endpoint is not an http(s) address");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, models);
        if (configuration[$"{Section}:ApiKey"] is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.IsSuccessStatusCode
            ? CheckResult.Ok
            : CheckResult.Failed($"GET {models.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
