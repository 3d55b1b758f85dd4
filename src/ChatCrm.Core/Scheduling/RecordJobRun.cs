using ChatCrm.Core.Store;

namespace ChatCrm.Core.Scheduling;

/// <summary>
/// Keeps a job's run in the history. The history stays bounded: each recording also drops a few
/// runs older than <see cref="KeptFor"/>, and the housekeeping job drops whatever is left.
/// </summary>
public sealed class RecordJobRun(ICrmStore store, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    // More than the runs a minutely job adds between two recordings, so the history shrinks over time.
    private const int PrunedPerRecording = 10;

    public Task HandleAsync(JobRun run, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        return store.WriteAsync(session =>
        {
            session.Jobs.AddRun(run);
            session.Jobs.RemoveRunsBefore(cutoff, PrunedPerRecording);
            return true;
        }, cancellationToken);
    }
}
