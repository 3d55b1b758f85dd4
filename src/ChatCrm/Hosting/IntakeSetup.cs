using ChatCrm.Core.Intake;
using ChatCrm.Intake;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class IntakeSetup
{
    /// <summary>
    /// The lead intake gateway: its settings (ChatCrm:Intake, checked at start), its use cases, the
    /// sources bootstrapped from configuration; the hourly reconciliation is a scheduled job (<see cref="SchedulerSetup.AddScheduler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidation>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<IntakeOptions>>().Value;
            return new IntakeSettings(TimeSpan.FromDays(options.DedupeWindowDays), options.ReconciliationGapPercent);
        });
        builder.Services.AddSingleton<IntakeTally>();
        builder.Services.AddSingleton<TakeIntakeLead>();
        builder.Services.AddSingleton<ManageIntakeSources>();
        builder.Services.AddSingleton<BootstrapIntakeSources>();
        builder.Services.AddSingleton<ReconcileIntake>();
        builder.Services.AddHostedService<ConfiguredIntakeSources>();
        return builder;
    }
}
