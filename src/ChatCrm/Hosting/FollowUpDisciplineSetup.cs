using ChatCrm.Core.Discipline;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class FollowUpDisciplineSetup
{
    /// <summary>
    /// The follow-up discipline jobs (stale leads, next-step prompts, follow-up evidence), their
    /// settings under ChatCrm:Scheduler (checked at start) and the use case their buttons run.
    /// </summary>
    public static IHostApplicationBuilder AddFollowUpDiscipline(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaleLeadOptions>().BindConfiguration(StaleLeadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NextStepPromptOptions>().BindConfiguration(NextStepPromptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FollowUpEvidenceOptions>().BindConfiguration(FollowUpEvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<StaleLeadOptions>>().Value
            .ToPolicy(services.GetRequiredService<IOptions<CrmOptions>>().Value.StaleAfterDays));
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<NextStepPromptOptions>>().Value.ToSettings());
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<FollowUpEvidenceOptions>>().Value.ToSettings());
        builder.Services.AddSingleton<PlanNextFollowUp>();
        builder.Services.AddScheduledJob<StaleLeadScan>(
            "stale-leads", "0 0 * * * ?",
            "Reminds owners once a day of their stale leads (in working hours), tells managers after more days, returns to the pool when configured");
        builder.Services.AddScheduledJob<NextStepPrompts>(
            "next-step-prompts", "0 0/15 * * * ?",
            "Asks salespeople to set a next follow-up date for follow-ups logged without one");
        builder.Services.AddScheduledJob<FollowUpEvidence>(
            "follow-up-evidence", "0 0/15 * * * ?",
            "Marks calls and visits logged with too short a note and lists them to the manager at day end (off unless enabled)");
        return builder;
    }
}
