using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Sidebar;

namespace ChatCrm.Hosting;

public static class WeComSetup
{
    /// <summary>
    /// The WeCom channel's settings (ChatCrm:WeCom, checked at start: corp id, agent id, secret,
    /// token and EncodingAESKey are required once it is on), its inbound side (the callback and its
    /// handler, members' chats) and its API side: access tokens, the API client and the outbox
    /// sender, with their waits and per-member limit from ChatCrm:WeCom:Api.
    /// Registered whether or not the channel is on: deliveries to WeCom exist only while it is, and
    /// the sender refuses any left over once it is off.
    /// </summary>
    public static IHostApplicationBuilder AddWeCom(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<WeComApiOptions>().BindConfiguration(WeComApiOptions.SectionName);
        builder.Services.AddWeComApi();
        builder.Services.AddWeComChannel();
        builder.Services.AddWeComSidebar();
        return builder;
    }
}
