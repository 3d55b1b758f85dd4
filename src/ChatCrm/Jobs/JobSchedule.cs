using ChatCrm.Hosting;

namespace ChatCrm.Jobs;

/// <summary>A job definition with the schedule configuration gives it: the cron, the zone it is read in, and whether it is on.</summary>
public sealed record JobSchedule(ScheduledJobDefinition Definition, string Cron, TimeZoneInfo TimeZone, bool Enabled)
{
    public string Name => Definition.Name;

    /// <summary>Every registered job with its configured (or default) schedule, in registration order.</summary>
    public static IReadOnlyList<JobSchedule> From(IEnumerable<ScheduledJobDefinition> definitions, SchedulerOptions options, TimeZoneInfo organisationZone) =>
    [
        .. definitions.Select(definition =>
        {
            var configured = options.Jobs.GetValueOrDefault(definition.Name);
            var zone = configured?.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : organisationZone;
            var cron = string.IsNullOrWhiteSpace(configured?.Cron) ? definition.DefaultCron : configured.Cron.Trim();
            return new JobSchedule(definition, cron, zone, configured?.Enabled ?? true);
        }),
    ];
}
