using ChatCrm.Channels.Rendering;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Health;
using ChatCrm.Digest;
using ChatCrm.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class DigestSetup
{
    public const string DigestJob = "manager-digest";
    public const string HealthJob = "integration-health";
    public const string EveryQuarterHour = "0 0/15 * * * ?";

    /// <summary>
    /// The managers' daily digest (ChatCrm:Scheduler:Digest, checked at start) with its report
    /// page's links, and the integration health job with a check per integration (each skips
    /// itself when its integration is off), both run by the scheduler every 15 minutes.
    /// </summary>
    public static IHostApplicationBuilder AddDigestAndHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
            return new DigestSettings(
                DigestOptions.ParseTime(options.At)!.Value,
                options.Teams.ToDictionary(pair => pair.Key, pair => DigestOptions.ParseTime(pair.Value.At)!.Value, StringComparer.Ordinal),
                TimeSpan.FromDays(options.LinkLifetimeDays));
        });
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<DigestReportLinks>();
        builder.Services.AddSingleton<IDigestLinks>(services => services.GetRequiredService<DigestReportLinks>());
        builder.Services.AddSingleton<ShowDigestReport>();
        builder.Services.AddScheduledJob<SendManagerDigests>(DigestJob, EveryQuarterHour,
            "sends each team's manager the daily digest once, at the team's digest time on its working days");

        builder.Services.AddSingleton<ShowIntegrationHealth>();
        builder.Services.AddSingleton<HealthReplies>();
        builder.Services.AddSingleton<IIntegrationCheck, TeamsTokenCheck>();
        builder.Services.AddSingleton<IIntegrationCheck, WeComTokenCheck>();
        builder.Services.AddSingleton<IIntegrationCheck, LanguageModelCheck>();
        builder.Services.AddSingleton<IIntegrationCheck, IntakeGapCheck>();
        builder.Services.AddScheduledJob<CheckIntegrations>(HealthJob, EveryQuarterHour,
            "checks Teams, WeCom, the language model and intake; alerts admins once per incident and on recovery");
        return builder;
    }
}
