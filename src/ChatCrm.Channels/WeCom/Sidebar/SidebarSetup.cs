using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>Registers the WeCom chat sidebar: its options, sign-in cookies, JS-SDK signatures, lead view and turns.</summary>
public static class SidebarSetup
{
    /// <summary>
    /// Binds <see cref="SidebarOptions"/> (checked at start: the development login refuses to start
    /// outside Development and Testing) and registers the sidebar's services. Expects the host to
    /// bind <see cref="WeComOptions"/>; <see cref="SidebarJsApi"/> needs an <c>IWeComApi</c>, which
    /// the WeCom API setup registers.
    /// </summary>
    public static IServiceCollection AddWeComSidebar(this IServiceCollection services)
    {
        services.AddOptions<SidebarOptions>().BindConfiguration(SidebarOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (options, environment) => !options.DevLogin || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                $"{SidebarOptions.SectionName}:DevLogin signs anyone in as anyone; it is allowed only in the Development and Testing environments. Turn it off here.")
            .ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<SidebarSessions>();
        services.AddSingleton<SidebarJsApi>();
        services.AddSingleton<SidebarLeads>();
        services.AddSingleton<SidebarTurns>();
        return services;
    }

    /// <summary>The sidebar is served when the WeCom channel is on, or for development with its login.</summary>
    public static bool IsSidebarOn(WeComOptions weCom, SidebarOptions sidebar) => weCom.Enabled || sidebar.DevLogin;
}
