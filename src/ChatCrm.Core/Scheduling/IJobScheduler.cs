namespace ChatCrm.Core.Scheduling;

/// <summary>
/// The scheduler as the core sees it: the jobs it runs, and the three things an admin may ask of
/// it. The host implements it (with Quartz); the core keeps the state that matters in the store.
/// </summary>
public interface IJobScheduler
{
    /// <summary>Every job the host defines, by name, with its next run.</summary>
    Task<IReadOnlyList<ScheduledJobInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Runs the job now, once, besides its schedule; <paramref name="requestedBy"/> is recorded on the run.</summary>
    Task TriggerAsync(string jobName, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Stops the job's scheduled runs until <see cref="ResumeAsync"/>.</summary>
    Task PauseAsync(string jobName, CancellationToken cancellationToken);

    Task ResumeAsync(string jobName, CancellationToken cancellationToken);
}
