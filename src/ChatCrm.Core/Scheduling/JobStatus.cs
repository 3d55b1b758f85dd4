namespace ChatCrm.Core.Scheduling;

/// <summary>A job as an admin sees it in /admin job list: its schedule, its next and last runs, and whether it is paused.</summary>
public sealed record JobStatus(ScheduledJobInfo Job, JobRun? LastRun, JobState? State)
{
    public bool Paused => State?.Paused == true;
}

/// <summary>What an admin's run, pause or resume came to.</summary>
/// <param name="NextRunAt">When the job runs next on its schedule, after the change.</param>
public sealed record JobChanged(string Name, JobChange Change, DateTimeOffset? NextRunAt);

public enum JobChange
{
    RunRequested,
    Paused,
    Resumed,
}
