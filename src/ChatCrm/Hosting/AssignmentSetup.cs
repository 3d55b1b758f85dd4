using ChatCrm.Core.Assignment;
using ChatCrm.Jobs;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class AssignmentSetup
{
    /// <summary>
    /// The assignment engine: its settings (ChatCrm:Assignment, checked at start), its use cases,
    /// the <see cref="AssignmentSignal"/> whoever queues a lead raises, and the job that runs it.
    /// </summary>
    public static IHostApplicationBuilder AddAssignment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AssignmentOptions>().BindConfiguration(AssignmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<AssignmentOptions>>().Value.ToPolicy());
        builder.Services.AddSingleton<AssignmentSignal>();
        builder.Services.AddSingleton<AssignLeads>();
        builder.Services.AddSingleton<ApplyAssignmentRules>();
        builder.Services.AddSingleton<DeclineOffer>();
        builder.Services.AddSingleton<AssignmentHealth>();
        builder.Services.AddSingleton<ListAssignmentRules>();
        builder.Services.AddHostedService<AssignmentEngine>();
        builder.Services.AddSingleton<AssignmentRounds>();
        return builder;
    }
}
