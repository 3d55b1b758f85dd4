using ChatCrm.Core.Scheduling;

namespace ChatCrm.Core.Tests.Scheduling;

/// <summary>The scheduler port as the host would answer it, noting what it was asked to do.</summary>
public sealed class SchedulerStandIn : IJobScheduler
{
    public static readonly DateTimeOffset NextRun = new(2026, 11, 19, 3, 30, 0, TimeSpan.FromHours(8));

    public List<string> Asked { get; } = [];

    public Task<IReadOnlyList<ScheduledJobInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ScheduledJobInfo>>(
    [
        new("due-reminders", "Reminders", "0 * * * * ?", "Asia/Shanghai", true, NextRun),
        new("housekeeping", "Cleans up", "0 30 3 * * ?", "Asia/Shanghai", true, NextRun),
    ]);

    public Task TriggerAsync(string jobName, string requestedBy, CancellationToken cancellationToken) => Note($"run {jobName} by {requestedBy}");

    public Task PauseAsync(string jobName, CancellationToken cancellationToken) => Note($"pause {jobName}");

    public Task ResumeAsync(string jobName, CancellationToken cancellationToken) => Note($"resume {jobName}");

    private Task Note(string what)
    {
        Asked.Add(what);
        return Task.CompletedTask;
    }
}
