using ChatCrm.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>Registers the WeCom API side of the channel: tokens, the client and the outbox sender.</summary>
public static class WeComApiSetup
{
    /// <summary>
    /// Registers <see cref="WeComAccessTokens"/>, <see cref="WeComApiClient"/> (also as
    /// <see cref="IWeComApi"/>), <see cref="WeComSender"/> as the <see cref="IChannelSender"/> for
    /// "wecom", and the named <see cref="HttpClient"/> <see cref="WeComApiClient.HttpClientName"/>
    /// with a quick-retry pipeline: a per-attempt timeout, and a couple of retries with backoff of
    /// 5xx, network errors, timeouts and HTTP 200 answers whose errcode says busy (-1) or throttled
    /// (45009). Longer waits are the outbox's. Expects the host to register
    /// <c>IOptions&lt;WeComOptions&gt;</c>, <see cref="TimeProvider"/> and the core's
    /// <c>RaiseIntegrationAlert</c>; registers none of them.
    /// </summary>
    public static IServiceCollection AddWeComApi(this IServiceCollection services, Action<WeComApiOptions>? configure = null)
    {
        var options = services.AddOptions<WeComApiOptions>()
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.QuickRetries >= 0 && o.QuickRetryDelay >= TimeSpan.Zero && o.MessagesPerMemberPerMinute > 0,
                "WeComApiOptions need a positive attempt timeout and message limit, and non-negative retries and delay.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(WeComApiClient.HttpClientName).AddResilienceHandler("wecom-api", ConfigureQuickRetries);
        services.TryAddSingleton<WeComAccessTokens>();
        services.TryAddSingleton<WeComApiClient>();
        services.TryAddSingleton<IWeComApi>(provider => provider.GetRequiredService<WeComApiClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, WeComSender>());
        return services;
    }

    private static void ConfigureQuickRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var settings = context.ServiceProvider.GetRequiredService<IOptions<WeComApiOptions>>().Value;
        // Timeouts and retry waits are real waits on real sockets. Polly would otherwise take the
        // app's TimeProvider, and a test's fake clock would freeze every retry and never time out.
        pipeline.TimeProvider = TimeProvider.System;
        if (settings.QuickRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.QuickRetries,
                Delay = settings.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = async arguments =>
                    HttpClientResiliencePredicates.IsTransient(arguments.Outcome)
                    // WeCom says busy or throttled with HTTP 200 and an errcode in the body.
                    || (arguments.Outcome.Result is { } response
                        && await WeComAnswers.PeekErrorCodeAsync(response, arguments.Context.CancellationToken).ConfigureAwait(false) is { } code
                        && WeComErrorCodes.IsBusy(code)),
            });
        }

        pipeline.AddTimeout(settings.AttemptTimeout);
    }
}
