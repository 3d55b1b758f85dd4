using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Connector;
using ChatCrm.Channels.Teams.Tab;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class TeamsSetup
{
    /// <summary>
    /// The Teams channel, when ChatCrm:Teams:Enabled is set: token checks on the way in, tokens and
    /// the connector client on the way out, the person's 1:1 chats for proactive cards, and the
    /// "My leads" tab with its SSO token check. Without an app id authentication is off, which the
    /// Production environment refuses unless ChatCrm:Teams:AllowUnauthenticated says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => !options.Enabled || options.IsAuthenticationEnabled() || options.AllowUnauthenticated || !environment.IsProduction(),
                "ChatCrm:Teams:MicrosoftAppId is empty, so anyone could post to /api/messages. Set the app id and secret, or ChatCrm:Teams:AllowUnauthenticated=true to accept that.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(BotRequestAuthenticator.MetadataHttpClientName);
        builder.Services.AddHttpClient(BotTokenProvider.HttpClientName);
        builder.Services.AddSingleton<BotRequestAuthenticator>();
        builder.Services.AddSingleton<BotTokenProvider>();
        builder.Services.AddTransient<BotAuthorizationHandler>();
        builder.Services.AddOptions<TeamsConnectorOptions>().BindConfiguration(TeamsConnectorOptions.SectionName);
        builder.Services.AddTeamsConnector();
        builder.Services.AddSingleton<TeamsPersonalChats>();
        builder.Services.AddSingleton<IProactiveChannel>(services => services.GetRequiredService<TeamsPersonalChats>());
        builder.Services.AddSingleton<TeamsAdapter>();
        builder.Services.AddTeamsTab();
        return builder;
    }

    public static bool IsTeamsEnabled(this WebApplication app) => app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled;
}
