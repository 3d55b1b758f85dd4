using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatCrm.Channels.Teams;

/// <summary>Registers the outbound side of the Teams channel: the Bot Connector client and its sender.</summary>
public static class TeamsConnectorSetup
{
    /// <summary>
    /// Registers <see cref="TeamsConnectorClient"/> as the <see cref="IChannelSender"/> for "teams",
    /// and its named <see cref="HttpClient"/> (<see cref="TeamsConnectorClient.HttpClientName"/>)
    /// with a quick-retry pipeline outside <see cref="BotAuthorizationHandler"/>: a per-attempt
    /// timeout, and a couple of retries of transient failures that ask to wait no longer than
    /// <see cref="TeamsConnectorOptions.LongestQuickRetryAfter"/>; longer waits are the outbox's.
    /// Expects the host to register <see cref="BotTokenProvider"/> (singleton),
    /// <c>IOptions&lt;TeamsOptions&gt;</c> and <see cref="TimeProvider"/>; registers none of them.
    /// </summary>
    public static IServiceCollection AddTeamsConnector(this IServiceCollection services, Action<TeamsConnectorOptions>? configure = null)
    {
        var options = services.AddOptions<TeamsConnectorOptions>()
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.QuickRetries >= 0 && o.QuickRetryDelay >= TimeSpan.Zero,
                "TeamsConnectorOptions need a positive attempt timeout and non-negative retries and delay.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddTransient<BotAuthorizationHandler>();
        var client = services.AddHttpClient(TeamsConnectorClient.HttpClientName);
        // Added first, so outermost: each retry goes through the auth handler again, and a slow
        // token fetch counts against the attempt's timeout.
        client.AddResilienceHandler("teams-connector", ConfigureQuickRetries);
        client.AddHttpMessageHandler<BotAuthorizationHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelSender, TeamsConnectorClient>());
        return services;
    }

    private static void ConfigureQuickRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var settings = context.ServiceProvider.GetRequiredService<IOptions<TeamsConnectorOptions>>().Value;
        // Timeouts and retry waits are real waits on real sockets. Polly would otherwise take the
        // app's TimeProvider, and a test's fake clock would freeze every retry and never time out.
        var time = TimeProvider.System;
        pipeline.TimeProvider = time;
        if (settings.QuickRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.QuickRetries,
                Delay = settings.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Waits the Retry-After it allows; the predicate lets through only short ones.
                ShouldRetryAfterHeader = true,
                ShouldHandle = arguments => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(arguments.Outcome)
                    && WaitIsShort(arguments.Outcome.Result, settings.LongestQuickRetryAfter, time)),
            });
        }

        pipeline.AddTimeout(settings.AttemptTimeout);
    }

    private static bool WaitIsShort(HttpResponseMessage? response, TimeSpan longest, TimeProvider time) =>
        response is null || ConnectorAnswers.RetryAfter(response.Headers, time) is not { } wait || wait <= longest;
}
