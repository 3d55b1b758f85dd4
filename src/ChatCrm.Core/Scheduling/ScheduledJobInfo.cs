namespace ChatCrm.Core.Scheduling;

/// <summary>A job as the scheduler has it: what it is, when it runs and when it runs next.</summary>
/// <param name="Cron">Quartz cron syntax, seconds first.</param>
/// <param name="TimeZoneId">The zone the cron is read in.</param>
/// <param name="Enabled">False when configuration switched the job off: it is not scheduled.</param>
/// <param name="NextRunAt">The next scheduled run; null when paused, switched off or never again.</param>
public sealed record ScheduledJobInfo(string Name, string Description, string Cron, string TimeZoneId, bool Enabled, DateTimeOffset? NextRunAt);
