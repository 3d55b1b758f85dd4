using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChatCrm.IntegrationTests.Scheduling;

/// <summary>
/// A Quartz job listener on the app's scheduler: hands out a task per job that completes after
/// its next runs have finished (and so have been recorded in the store). Attach it to a running
/// app, or register it as an <see cref="IJobListener"/> service to hear the runs of the first moments.
/// </summary>
public sealed class JobRunWaiter : IJobListener
{
    private readonly ConcurrentDictionary<string, (int Left, TaskCompletionSource Done)> _waits = new(StringComparer.Ordinal);

    public string Name { get; } = "test-waiter-" + Guid.NewGuid().ToString("N");

    public static async Task<JobRunWaiter> AttachAsync(IServiceProvider services)
    {
        var waiter = new JobRunWaiter();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(waiter, []);
        return waiter;
    }

    /// <summary>Completes once <paramref name="job"/> has run <paramref name="runs"/> more times; ask before triggering.</summary>
    public Task RunsOf(string job, int runs = 1)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits[job] = (runs, done);
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        if (_waits.TryGetValue(job, out var wait))
        {
            if (wait.Left <= 1)
            {
                _waits.TryRemove(job, out _);
                wait.Done.TrySetResult();
            }
            else
            {
                _waits[job] = (wait.Left - 1, wait.Done);
            }
        }

        return ValueTask.CompletedTask;
    }
}
