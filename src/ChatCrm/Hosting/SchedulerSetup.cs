using ChatCrm.Core;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Scheduling;
using ChatCrm.Jobs;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCrm.Hosting;

/// <summary>
/// A job the scheduler runs: its name (what admins type, e.g. "due-reminders"), the core work it
/// runs and its default cron expression (Quartz syntax, seconds first), which
/// ChatCrm:Scheduler:Jobs:{name}:Cron in appsettings.json overrides.
/// </summary>
public sealed record ScheduledJobDefinition(string Name, Type WorkType, string DefaultCron, string Description);

public static class SchedulerSetup
{
    public const string Section = "ChatCrm:Scheduler";

    /// <summary>Registers <typeparamref name="TJob"/> and tells the scheduler to run it under <paramref name="name"/>.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, string defaultCron, string description)
        where TJob : class, IScheduledJob
    {
        services.AddSingleton<TJob>();
        services.AddSingleton(new ScheduledJobDefinition(name, typeof(TJob), defaultCron, description));
        return services;
    }

    /// <summary>
    /// The in-process scheduler: Quartz with its in-memory store (the schedules come from
    /// configuration, and everything that matters, runs and pauses included, is in our store), one
    /// job and cron trigger per <see cref="ScheduledJobDefinition"/>, the settings checked at start,
    /// the admin use cases, and the jobs this part owns. Quartz runs on the app's TimeProvider: it
    /// takes the one registered in the container, so a test's fake clock drives the schedules too.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidation>();
        builder.Services.AddSingleton(services => new HousekeepingSettings(TimeSpan.FromDays(services.GetRequiredService<IOptions<SchedulerOptions>>().Value.RetentionDays)));
        builder.Services.AddSingleton<RecordJobRun>();
        builder.Services.AddSingleton<ManageScheduledJobs>();

        builder.Services.AddScheduledJob<DeliverDueReminders>(
            "due-reminders", "0 * * * * ?", "Hands reminders that have come due to the outbox, so each arrives within a minute of its time.");
        builder.Services.AddScheduledJob<IntakeReconciliation>(
            "intake-reconciliation", "0 10 * * * ?", "Compares each intake source's requests received with those stored in the hours just ended and alerts the admins about a gap.");
        builder.Services.AddScheduledJob<UnclaimedLeads>(
            "unclaimed-leads", "0 * * * * ?", "Offers leads whose claim window ran out to the next salesperson, escalates stalled ones and opens queues when a team's day begins.");
        builder.Services.AddScheduledJob<Housekeeping>(
            "housekeeping", "0 30 3 * * ?", "Drops job runs older than 30 days, and intake idempotency answers and handled message ids older than the retention.");

        builder.Services.AddSingleton(services => JobSchedule.From(
            services.GetServices<ScheduledJobDefinition>(),
            services.GetRequiredService<IOptions<SchedulerOptions>>().Value,
            services.GetRequiredService<CrmSettings>().TimeZone));
        builder.Services.AddSingleton<QuartzJobScheduler>();
        builder.Services.AddSingleton<IJobScheduler>(services => services.GetRequiredService<QuartzJobScheduler>());
        // Before Quartz's own hosted service, so every job is scheduled (and paused) before it starts firing.
        builder.Services.AddHostedService(services => services.GetRequiredService<QuartzJobScheduler>());
        builder.Services.AddQuartz(quartz => quartz.UseInMemoryStore());
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
