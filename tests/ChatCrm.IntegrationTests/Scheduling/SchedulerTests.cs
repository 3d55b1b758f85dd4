using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;
using ChatCrm.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCrm.IntegrationTests.Scheduling;

/// <summary>Quartz in the running app: every job definition on its configured cron, in its zone, each run recorded in the store.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Every_job_is_scheduled_with_its_configured_cron_in_the_organisation_zone()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Scheduler:Jobs:housekeeping:Cron"] = "0 7 * * * ?" });
        app.CreateClient();

        var jobs = await app.Services.GetRequiredService<IJobScheduler>().ListAsync(default);

        Assert.Equal(app.Services.GetServices<ScheduledJobDefinition>().Select(definition => definition.Name), jobs.Select(job => job.Name));
        var housekeeping = jobs.Single(job => job.Name == "housekeeping");
        Assert.Equal(("0 7 * * * ?", "Asia/Shanghai", ChatCrmApp.Start.AddMinutes(7)), (housekeeping.Cron, housekeeping.TimeZoneId, housekeeping.NextRunAt));
        var reminders = jobs.Single(job => job.Name == "due-reminders");
        Assert.Equal("0 * * * * ?", reminders.Cron);
    }

    [Fact]
    public async Task A_job_switched_off_in_the_settings_is_not_scheduled()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Scheduler:Jobs:housekeeping:Enabled"] = "false" });
        app.CreateClient();

        var housekeeping = (await app.Services.GetRequiredService<IJobScheduler>().ListAsync(default)).Single(job => job.Name == "housekeeping");

        Assert.Equal((false, (DateTimeOffset?)null), (housekeeping.Enabled, housekeeping.NextRunAt));
    }

    [Theory]
    [InlineData("ChatCrm:Scheduler:Jobs:due-reminders:Cron", "every minute", "ChatCrm:Scheduler:Jobs:due-reminders:Cron 'every minute' is not a Quartz cron expression")]
    [InlineData("ChatCrm:Scheduler:Jobs:due-reminders:TimeZone", "Mars/Olympus", "ChatCrm:Scheduler:Jobs:due-reminders:TimeZone 'Mars/Olympus' is not a known time zone id")]
    [InlineData("ChatCrm:Scheduler:Jobs:daily-horoscope:Cron", "0 0 9 * * ?", "ChatCrm:Scheduler:Jobs:daily-horoscope names no job; the jobs are: ")]
    public void A_mistake_in_the_schedule_stops_the_app_at_start_naming_the_setting(string setting, string value, string message)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Shanghai", "2027-03-13T15:00:00Z", "2027-03-14T01:00:00Z")]
    [InlineData("America/New_York", "2027-03-12T15:00:00Z", "2027-03-13T14:00:00Z")]
    [InlineData("America/New_York", "2027-03-13T15:00:00Z", "2027-03-14T13:00:00Z")]
    [InlineData("America/New_York", "2027-11-06T15:00:00Z", "2027-11-07T14:00:00Z")]
    public async Task A_cron_is_read_in_its_zone_across_a_daylight_saving_change(string zone, string after, string expected)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Scheduler:Jobs:housekeeping:Cron"] = "0 0 9 * * ?",
            ["ChatCrm:Scheduler:Jobs:housekeeping:TimeZone"] = zone,
        });
        app.CreateClient();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = await scheduler.GetTrigger(new TriggerKey("housekeeping"));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), trigger!.GetFireTimeAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_job_triggered_through_quartz_runs_and_its_run_is_recorded()
    {
        using var app = new ChatCrmApp();
        app.CreateClient();
        var waiter = await JobRunWaiter.AttachAsync(app.Services);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var ran = waiter.RunsOf("housekeeping");
        await scheduler.TriggerJob(new JobKey("housekeeping"));
        await ran;

        var run = Assert.Single(await RunsAsync(app, "housekeeping"));
        Assert.Equal((JobRunOutcome.Succeeded, "nothing to do", 0, (string?)null), (run.Outcome, run.Summary, run.Count, run.RunNowBy));
    }

    [Fact]
    public async Task A_job_that_throws_records_a_failed_run_and_the_next_trigger_still_runs_it()
    {
        var flaky = new FailsOnce();
        using var app = new ChatCrmApp(services: services =>
        {
            services.AddScheduledJob<FailsOnce>("flaky", "0 0 0 1 1 ? 2099", "Fails the first time.");
            services.AddSingleton(flaky);
        });
        app.CreateClient();
        var waiter = await JobRunWaiter.AttachAsync(app.Services);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var first = waiter.RunsOf("flaky");
        await scheduler.TriggerJob(new JobKey("flaky"));
        await first;
        var second = waiter.RunsOf("flaky");
        await scheduler.TriggerJob(new JobKey("flaky"));
        await second;

        var runs = await RunsAsync(app, "flaky");
        Assert.Equal([JobRunOutcome.Succeeded, JobRunOutcome.Failed], runs.Select(run => run.Outcome));
        Assert.Equal("the store was away", runs[1].Error);
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task Due_reminders_run_twice_deliver_a_reminder_once()
    {
        // Off the schedule, so the only runs are the two triggered here.
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Scheduler:Jobs:due-reminders:Enabled"] = "false" });
        await app.SayAsync("carol", "明天上午9点提醒我给陈总打电话");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var waiter = await JobRunWaiter.AttachAsync(app.Services);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var ran = waiter.RunsOf("due-reminders", runs: 2);
        await scheduler.TriggerJob(new JobKey("due-reminders"));
        await scheduler.TriggerJob(new JobKey("due-reminders"));
        await ran;

        var notice = Assert.Single(await app.InboxAsync("carol"));
        Assert.StartsWith("⏰ 提醒", notice.Text, StringComparison.Ordinal);
        Assert.Equal([0, 1], (await RunsAsync(app, "due-reminders")).Select(run => run.Count));
    }

    [Fact]
    public async Task A_reminder_due_while_the_app_was_stopped_is_delivered_once_after_the_restart()
    {
        using var folder = new TempFolder();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ChatCrmApp.Start);
        using (var before = new ChatCrmApp(folder, clock))
        {
            await before.SayAsync("carol", "明天上午9点提醒我给陈总打电话");
            var waiter = await JobRunWaiter.AttachAsync(before.Services);
            var ran = waiter.RunsOf("due-reminders");
            await (await before.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).TriggerJob(new JobKey("due-reminders"));
            await ran;
            await before.StopAsync();
        }

        clock.Advance(TimeSpan.FromDays(1));
        var listener = new JobRunWaiter();
        var caughtUp = listener.RunsOf("due-reminders");
        using var after = new ChatCrmApp(folder, clock, services: services => services.AddSingleton<IJobListener>(listener));
        after.CreateClient();
        await caughtUp;

        var notice = Assert.Single(await after.InboxAsync("carol"));
        Assert.StartsWith("⏰ 提醒", notice.Text, StringComparison.Ordinal);
        var again = listener.RunsOf("due-reminders");
        await (await after.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).TriggerJob(new JobKey("due-reminders"));
        await again;
        Assert.Empty(await after.InboxAsync("carol"));
    }

    [Fact]
    public async Task A_paused_job_stays_paused_after_a_restart()
    {
        using var folder = new TempFolder();
        using (var before = new ChatCrmApp(folder))
        {
            await before.SayAsync("admin", "/admin job pause housekeeping");
            await before.StopAsync();
        }

        using var after = new ChatCrmApp(folder);
        after.CreateClient();
        var scheduler = await after.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(new TriggerKey("housekeeping")));
        Assert.NotEqual(TriggerState.Paused, await scheduler.GetTriggerState(new TriggerKey("due-reminders")));
    }

    private static Task<IReadOnlyList<JobRun>> RunsAsync(ChatCrmApp app, string job) =>
        app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Jobs.RunsOf(job, 10), default);

    /// <summary>A job whose first run throws, as one would when the store is briefly away.</summary>
    public sealed class FailsOnce : IScheduledJob
    {
        private int _calls;

        public int Calls => _calls;

        public Task<JobOutcome> RunAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("the store was away")
                : Task.FromResult(new JobOutcome("ran", 1));
    }
}
