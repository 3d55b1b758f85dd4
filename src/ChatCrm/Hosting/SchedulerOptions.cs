using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Hosting;

/// <summary>ChatCrm:Scheduler — when each job runs, and how long retry guards are kept.</summary>
public sealed class SchedulerOptions
{
    /// <summary>By job name, e.g. ChatCrm:Scheduler:Jobs:due-reminders:Cron.</summary>
    public Dictionary<string, ScheduledJobOptions> Jobs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long intake idempotency answers and handled chat message ids are kept before housekeeping drops them.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;
}

/// <summary>One job's settings; anything left out keeps the job's default.</summary>
public sealed class ScheduledJobOptions
{
    /// <summary>Quartz cron, seconds first ("0 * * * * ?" is every minute at second 0).</summary>
    public string? Cron { get; set; }

    /// <summary>False takes the job off the schedule (an admin can still run it now).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IANA zone the cron is read in; the organisation's (ChatCrm:Crm:TimeZone) when not set.</summary>
    public string? TimeZone { get; set; }
}
