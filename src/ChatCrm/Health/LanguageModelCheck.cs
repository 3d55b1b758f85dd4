using System.Net.Http.Headers;
using ChatCrm.Core.Health;
using ChatCrm.Hosting;
using ChatCrm.Language.Model;

namespace ChatCrm.Health;

/// <summary>
/// The language model is unhealthy when it has failed for longer than <see cref="AlertAfter"/>: a
/// single timeout only degrades it (the embedded interpreter answers meanwhile), which is not worth
/// waking an admin. With no message read lately, a GET {endpoint}/models with our key tells whether
/// it is reachable. Without Provider=OpenAI there is no model to check.
/// </summary>
public sealed class LanguageModelCheck(LanguageModelHealth health, OpenAIModelOptions model, IHttpClientFactory httpClients, TimeProvider clock) : IIntegrationCheck
{
    public static readonly TimeSpan AlertAfter = TimeSpan.FromMinutes(10);

    /// <summary>Messages read within this long are proof enough; otherwise the endpoint is probed.</summary>
    public static readonly TimeSpan QuietLongerThan = TimeSpan.FromMinutes(10);

    public string Name => "language-model";

    public static bool FailingTooLong(LanguageModelStatus status, DateTimeOffset now) =>
        status.FailingSince is { } since && now - since >= AlertAfter;

    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (!health.Configured)
        {
            return CheckResult.NotConfigured;
        }

        var now = clock.GetUtcNow();
        if (health.Status() is { LastCallAt: var last } && (last is null || now - last > QuietLongerThan))
        {
            await ProbeAsync(cancellationToken);
        }

        var status = health.Status();
        return FailingTooLong(status, now)
            ? CheckResult.Failed($"failing since {status.FailingSince!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {status.LastError}; the embedded interpreter is answering meanwhile")
            : CheckResult.Ok;
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var models = new Uri(model.Endpoint!.TrimEnd('/') + "/models");
        using var request = new HttpRequestMessage(HttpMethod.Get, models);
        if (model.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await httpClients.CreateClient(LanguageSetup.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                health.Reached();
            }
            else
            {
                health.Failed($"GET {models.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            health.Failed(ModelInterpreter.Describe(exception));
        }
    }
}
