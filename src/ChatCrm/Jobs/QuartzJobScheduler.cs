using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;
using Quartz;

namespace ChatCrm.Jobs;

/// <summary>
/// The core's <see cref="IJobScheduler"/> on Quartz's in-memory scheduler. At start, before Quartz
/// starts firing, it schedules one job and cron trigger per definition, pauses the jobs the store
/// says are paused, and runs now the jobs whose last recorded run is older than a fire time they
/// missed while the app was down: the schedule lives in configuration, and everything else that
/// matters in the store, so a restart loses nothing.
/// </summary>
public sealed class QuartzJobScheduler(
    ISchedulerFactory factory,
    IReadOnlyList<JobSchedule> schedules,
    ICrmStore store,
    TimeProvider clock,
    ILogger<QuartzJobScheduler> logger) : IJobScheduler, IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var (states, lastRuns) = await store.ReadAsync(
            session => (session.Jobs.AllStates(), schedules.ToDictionary(schedule => schedule.Name, schedule => session.Jobs.RunsOf(schedule.Name, 1).FirstOrDefault())),
            cancellationToken);
        var paused = states.Where(state => state.Paused).Select(state => state.JobName).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var schedule in schedules)
        {
            var job = JobBuilder.Create<ScheduledJobRunner>()
                .WithIdentity(schedule.Name)
                .WithDescription(schedule.Definition.Description)
                .StoreDurably()
                .Build();
            if (!schedule.Enabled)
            {
                // Kept without a trigger, so "run now" still works on a job taken off the schedule.
                await scheduler.AddJob(job, cancellationToken: cancellationToken);
                logger.LogInformation("Job {Job} is off ({Setting}=false): it runs only when an admin runs it now", schedule.Name, $"{Hosting.SchedulerSetup.Section}:Jobs:{schedule.Name}:Enabled");
                continue;
            }

            await scheduler.ScheduleJob(job, Trigger(schedule), cancellationToken: cancellationToken);
            if (paused.Contains(schedule.Name))
            {
                await scheduler.PauseJob(job.Key, cancellationToken);
                logger.LogInformation("Job {Job} stays paused, as an admin left it", schedule.Name);
            }
            else if (lastRuns[schedule.Name] is { } last && new CronExpression(schedule.Cron, schedule.TimeZone).GetNextValidTimeAfter(last.StartedAt) is { } missed && missed <= now)
            {
                logger.LogInformation("Job {Job} missed its run at {Missed:u} while the app was down; running it now", schedule.Name, missed);
                await scheduler.TriggerJob(job.Key, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<ScheduledJobInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJobInfo>(schedules.Count);
        foreach (var schedule in schedules)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(schedule.Name), cancellationToken);
            jobs.Add(new ScheduledJobInfo(schedule.Name, schedule.Definition.Description, schedule.Cron, schedule.TimeZone.Id, schedule.Enabled, trigger?.NextFireTimeUtc));
        }

        return jobs;
    }

    public async Task TriggerAsync(string jobName, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(new JobKey(jobName), new JobDataMap { [ScheduledJobRunner.RunNowByKey] = requestedBy }, cancellationToken);
    }

    public async Task PauseAsync(string jobName, CancellationToken cancellationToken) =>
        await (await factory.GetScheduler(cancellationToken)).PauseJob(new JobKey(jobName), cancellationToken);

    public async Task ResumeAsync(string jobName, CancellationToken cancellationToken) =>
        await (await factory.GetScheduler(cancellationToken)).ResumeJob(new JobKey(jobName), cancellationToken);

    /// <summary>The job's cron trigger: read in its zone, and after a misfire (the app was busy or the clock jumped) fired once at once, then on schedule.</summary>
    public ITrigger Trigger(JobSchedule schedule) => TriggerBuilder.Create(clock)
        .WithIdentity(schedule.Name)
        .ForJob(schedule.Name)
        .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
