namespace ChatCrm.Core.Scheduling;

/// <summary>How a run of a scheduled job ended.</summary>
public enum JobRunOutcome
{
    Succeeded,
    Failed,
}

/// <summary>
/// One run of a scheduled job, kept for the admins' list and the log: when it ran, what it did and
/// who started it. Runs older than <see cref="RecordJobRun.KeptFor"/> are pruned.
/// </summary>
/// <param name="Summary">What the job said it did ("3 reminders handed to the outbox"), or that it failed.</param>
/// <param name="Count">How many things it handled; 0 when it failed or had nothing to do.</param>
/// <param name="Error">The exception's message when the run failed.</param>
/// <param name="RunNowBy">The admin who asked for this run with "run now"; null when the schedule started it.</param>
public sealed record JobRun(
    Guid Id,
    string JobName,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    JobRunOutcome Outcome,
    string Summary,
    int Count,
    string? Error,
    string? RunNowBy);
