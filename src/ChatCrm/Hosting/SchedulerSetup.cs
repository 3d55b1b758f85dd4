using ChatCrm.Core.Scheduling;

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
}
