using ChatCrm.Core.Scheduling;
using ChatCrm.Hosting;
using Quartz;

namespace ChatCrm.Jobs;

/// <summary>
/// The one Quartz job: runs the core work of the definition its job key names, logs what it did
/// and records the run in the store, succeeded or failed. One run of a job at a time; a failure
/// is recorded and logged, never thrown at Quartz, so the next trigger runs the job as usual.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJobRunner(
    IServiceProvider services,
    IEnumerable<ScheduledJobDefinition> definitions,
    RecordJobRun record,
    TimeProvider clock,
    ILogger<ScheduledJobRunner> logger) : IJob
{
    /// <summary>The job data key carrying the admin who asked for a "run now".</summary>
    public const string RunNowByKey = "runNowBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        var runNowBy = context.MergedJobDataMap.TryGetValue(RunNowByKey, out var by) ? by as string : null;
        var started = clock.GetUtcNow();
        JobRun run;
        try
        {
            var definition = definitions.First(candidate => candidate.Name == name);
            var work = (IScheduledJob)services.GetRequiredService(definition.WorkType);
            var outcome = await work.RunAsync(cancellationToken);
            run = new JobRun(Guid.CreateVersion7(started), name, started, clock.GetUtcNow(), JobRunOutcome.Succeeded, outcome.Summary, outcome.Count, null, runNowBy);
            logger.Log(outcome.Count > 0 ? LogLevel.Information : LogLevel.Debug, "Job {Job} did {Summary} ({Count})", name, outcome.Summary, outcome.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the work is in the store, and the next run picks it up.
            return;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {Job} failed; its next run tries again", name);
            run = new JobRun(Guid.CreateVersion7(started), name, started, clock.GetUtcNow(), JobRunOutcome.Failed, "failed", 0, exception.Message, runNowBy);
        }

        try
        {
            await record.HandleAsync(run, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Recording the run of job {Job} failed", name);
        }
    }
}
