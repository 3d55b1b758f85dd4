using System.Net;
using ChatCrm.Language;
using ChatCrm.Language.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly;

namespace ChatCrm.Hosting;

public static class LanguageSetup
{
    public const string HttpClientName = "ChatCrm.Language.Model";

    /// <summary>
    /// ChatCrm:Language. With Provider=OpenAI the model interpreter (embedded rules as its fallback)
    /// and the model's lead summaries replace the embedded defaults; settings and prompt folders are
    /// checked here, so a mistake stops the start with a message naming the setting or the file.
    /// </summary>
    public static IHostApplicationBuilder AddLanguageModel(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LanguageOptions.Section).Get<LanguageOptions>() ?? new LanguageOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var configured = options.Provider == LanguageProvider.OpenAI;
        var model = options.OpenAI;
        builder.Services.AddSingleton(model);
        builder.Services.AddSingleton(services => new LanguageModelHealth(services.GetRequiredService<TimeProvider>(), configured));
        if (!configured)
        {
            return builder;
        }

        builder.Services.AddSingleton(PromptLibrary.Load(PromptsFolder(options, builder.Environment)));
        builder.Services.AddSingleton<FunctionCallReader>();
        builder.Services.AddHttpClient(HttpClientName).AddResilienceHandler("language-model", (pipeline, context) =>
            ConfigureBudget(pipeline, model, context.ServiceProvider.GetRequiredService<LanguageModelHealth>()));
        // The endpoint constructor is how Semantic Kernel reaches any OpenAI-compatible server
        // (DeepSeek, Qwen, Ollama, vLLM); it is marked experimental (SKEXP0010) but is the documented way.
#pragma warning disable SKEXP0010
        builder.Services.AddSingleton<IChatCompletionService>(services => new OpenAIChatCompletionService(
            model.Model!,
            new Uri(model.Endpoint!),
            string.IsNullOrEmpty(model.ApiKey) ? null : model.ApiKey,
            // Held for the process's life: the endpoint is one host, and the resilience state
            // (the circuit) belongs with the client that sees the failures.
            httpClient: services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            loggerFactory: services.GetRequiredService<ILoggerFactory>()));
#pragma warning restore SKEXP0010
        builder.Services.AddSingleton<ModelInterpreter>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IInterpreter>(services => services.GetRequiredService<ModelInterpreter>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ILeadSummaryWriter, ModelLeadSummaries>());
        builder.Services.AddHostedService<Jobs.LanguageModelAlarm>();
        return builder;
    }

    /// <summary>prompts/ under the content root (the repository when run from it), else the copy beside the binary.</summary>
    private static string PromptsFolder(LanguageOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.PromptsFolder))
        {
            return Path.GetFullPath(options.PromptsFolder, environment.ContentRootPath);
        }

        var inRepository = Path.Combine(environment.ContentRootPath, "prompts");
        return Directory.Exists(inRepository) ? inRepository : Path.Combine(AppContext.BaseDirectory, "prompts");
    }

    /// <summary>
    /// One call's whole budget is TimeoutSeconds: a total timeout around one retry on 429/5xx/timeouts
    /// (waiting a Retry-After only when it fits in half the budget), around a circuit breaker that
    /// leaves a failing endpoint alone for CircuitBreakSeconds, around a per-attempt timeout so a hung
    /// endpoint counts as a failure for the breaker. Semantic Kernel does no retries of its own when
    /// it is given an HttpClient.
    /// </summary>
    private static void ConfigureBudget(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OpenAIModelOptions model, LanguageModelHealth health)
    {
        // Real waits on real sockets: a test's fake clock would otherwise freeze every timeout.
        var time = TimeProvider.System;
        pipeline.TimeProvider = time;
        var budget = TimeSpan.FromSeconds(model.TimeoutSeconds);
        pipeline.AddTimeout(budget);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(arguments.Outcome)
                && WaitFits(arguments.Outcome.Result, budget / 2, time)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, model.CircuitBreakSeconds)),
            BreakDuration = TimeSpan.FromSeconds(model.CircuitBreakSeconds),
            OnOpened = _ =>
            {
                health.CircuitChanged(open: true);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                health.CircuitChanged(open: false);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                health.CircuitChanged(open: false);
                return ValueTask.CompletedTask;
            },
        });
        pipeline.AddTimeout(budget * 0.9);
    }

    private static bool WaitFits(HttpResponseMessage? response, TimeSpan longest, TimeProvider time)
    {
        if (response is null || response.StatusCode != HttpStatusCode.TooManyRequests || response.Headers.RetryAfter is not { } retryAfter)
        {
            return true;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);
        return wait <= longest;
    }
}
