namespace ChatCrm.Core.Scheduling;

/// <summary>
/// Work the scheduler runs on a schedule. It keeps all its state in the store and checks what is
/// already done before doing it, so a run that is missed loses nothing and a run made twice does
/// no harm.
/// </summary>
public interface IScheduledJob
{
    Task<JobOutcome> RunAsync(CancellationToken cancellationToken);
}

/// <summary>What one run did, in a sentence for the run history, the log and the admin's list.</summary>
/// <param name="Count">How many things it handled (reminders sent, leads flagged…), 0 when there was nothing to do.</param>
public sealed record JobOutcome(string Summary, int Count)
{
    public static JobOutcome Nothing { get; } = new("nothing to do", 0);
}
