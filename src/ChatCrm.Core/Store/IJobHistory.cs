using ChatCrm.Core.Scheduling;

namespace ChatCrm.Core.Store;

/// <summary>The scheduled jobs' runs and their paused state.</summary>
public interface IJobHistory
{
    void AddRun(JobRun run);

    /// <summary>A job's runs, newest first.</summary>
    IReadOnlyList<JobRun> RunsOf(string jobName, int limit);

    /// <summary>Deletes up to <paramref name="limit"/> runs (of any job) that started before <paramref name="moment"/>; returns how many.</summary>
    int RemoveRunsBefore(DateTimeOffset moment, int limit);

    JobState? FindState(string jobName);

    IReadOnlyList<JobState> AllStates();

    void SaveState(JobState state);
}
