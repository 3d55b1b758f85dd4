using ChatCrm.Channels.Inbound;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.WeCom.Callback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Channels.WeCom;

/// <summary>
/// Registers the inbound side of the WeCom channel: the callback, its handler, and members' chats
/// for proactive messages. Expects the host to bind <see cref="WeComOptions"/>.
/// </summary>
public static class WeComChannelSetup
{
    public static IServiceCollection AddWeComChannel(this IServiceCollection services)
    {
        services.AddSingleton<WeComCallback>();
        services.AddSingleton<WeComPersonalChats>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProactiveChannel, WeComPersonalChats>(provider => provider.GetRequiredService<WeComPersonalChats>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundHandler, WeComInboundHandler>());
        return services;
    }
}
