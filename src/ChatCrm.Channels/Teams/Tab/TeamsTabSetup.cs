using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Channels.Teams.Tab;

/// <summary>Registers the "My leads" tab: its options, the SSO token validator and the listing.</summary>
public static class TeamsTabSetup
{
    /// <summary>
    /// Binds <see cref="TeamsTabOptions"/> to <c>ChatCrm:Teams:Tab</c> (checked at start) and
    /// registers <see cref="TabTokenValidator"/> with its metadata client and <see cref="MyLeadsTab"/>.
    /// Expects the host to register <c>IOptions&lt;TeamsOptions&gt;</c>, the core and the store.
    /// </summary>
    public static IServiceCollection AddTeamsTab(this IServiceCollection services)
    {
        services.AddOptions<TeamsTabOptions>().BindConfiguration(TeamsTabOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(TabTokenValidator.MetadataHttpClientName);
        services.AddSingleton<TabTokenValidator>();
        services.AddSingleton<MyLeadsTab>();
        return services;
    }
}
