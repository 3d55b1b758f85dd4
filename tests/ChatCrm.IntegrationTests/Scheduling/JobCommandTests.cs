using ChatCrm.Core.Audit;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChatCrm.IntegrationTests.Scheduling;

/// <summary>An admin sees and steers the scheduled jobs in chat; everyone else is told politely that they may not.</summary>
public sealed class JobCommandTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_admin_lists_the_jobs_with_their_schedule_next_run_and_buttons()
    {
        var listed = Assert.Single(await _app.SayAsync("admin", "/admin job list"));

        Assert.Equal("定时任务:", listed.Text);
        Assert.Equal(_app.Services.GetServices<Hosting.ScheduledJobDefinition>().Count(), listed.Facts.Count);
        var reconciliation = listed.Fact("intake-reconciliation · 运行中");
        Assert.Contains("计划 0 10 * * * ?(Asia/Shanghai)· 下次 2026-11-18 10:10:00", reconciliation, StringComparison.Ordinal);
        Assert.Contains("还没有运行过", reconciliation, StringComparison.Ordinal);
        Assert.Equal("暂停 intake-reconciliation", listed.Button("暂停 intake-reconciliation").Title);
        Assert.Equal("立即运行 intake-reconciliation", listed.Button("立即运行 intake-reconciliation").Title);
    }

    [Fact]
    public async Task Admin_jobs_is_the_list_too()
    {
        var listed = Assert.Single(await _app.SayAsync("admin", "/admin jobs"));

        Assert.Equal("定时任务:", listed.Text);
    }

    [Fact]
    public async Task Run_now_runs_the_job_and_the_list_shows_the_run_and_who_asked_for_it()
    {
        var waiter = await JobRunWaiter.AttachAsync(_app.Services);
        var ran = waiter.RunsOf("housekeeping");

        var reply = Assert.Single(await _app.SayAsync("admin", "/admin job run housekeeping"));
        await ran;
        var listed = Assert.Single(await _app.SayAsync("admin", "/admin job list"));

        Assert.Equal("已开始运行 housekeeping,完成后会记在 /admin job list 里。", reply.Text);
        Assert.Contains("上次 2026-11-18 10:00:00 成功(admin 手动运行):nothing to do", listed.Fact("housekeeping · 运行中"), StringComparison.Ordinal);
        Assert.Contains(await AuditOfAdminAsync(), entry => entry.Action == AuditActions.RunJob && entry.Detail == "housekeeping");
    }

    [Fact]
    public async Task The_pause_and_resume_buttons_stop_and_restart_the_schedule()
    {
        var listed = Assert.Single(await _app.SayAsync("admin", "/admin job list"));

        var paused = Assert.Single(await _app.PressAsync("admin", listed.Button("暂停 housekeeping")));
        var pausedState = await TriggerStateAsync("housekeeping");
        var relisted = Assert.Single(await _app.SayAsync("admin", "/admin jobs"));
        var resumed = Assert.Single(await _app.PressAsync("admin", relisted.Button("恢复 housekeeping")));

        Assert.StartsWith("已暂停 housekeeping", paused.Text, StringComparison.Ordinal);
        Assert.Equal(TriggerState.Paused, pausedState);
        Assert.Contains("下次 无", relisted.Fact("housekeeping · 已暂停"), StringComparison.Ordinal);
        Assert.Equal("已恢复 housekeeping,下次运行:2026-11-19 03:30:00。", resumed.Text);
        Assert.Equal(TriggerState.Normal, await TriggerStateAsync("housekeeping"));
        Assert.Equal(
            [AuditActions.ResumeJob, AuditActions.PauseJob],
            (await AuditOfAdminAsync()).Select(entry => entry.Action));
    }

    [Fact]
    public async Task Pausing_a_paused_job_changes_nothing_and_says_so()
    {
        await _app.SayAsync("admin", "/admin job pause housekeeping");

        var again = Assert.Single(await _app.SayAsync("admin", "/admin job pause housekeeping"));

        Assert.Equal("housekeeping 已经暂停了,没有改动。", again.Text);
        Assert.Single(await AuditOfAdminAsync());
    }

    [Theory]
    [InlineData("alice", "/admin job list", "Sorry, only an admin can do that.")]
    [InlineData("wang", "/admin job pause housekeeping", "抱歉,只有管理员可以这样做。")]
    [InlineData("bob", "/admin job run due-reminders", "Sorry, only an admin can do that.")]
    public async Task Anyone_but_an_admin_is_refused_and_nothing_changes(string user, string command, string answer)
    {
        var refused = Assert.Single(await _app.SayAsync(user, command));

        Assert.Equal(answer, refused.Text);
        Assert.Equal(TriggerState.Normal, await TriggerStateAsync("housekeeping"));
        Assert.Empty(await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Jobs.AllStates(), default));
    }

    [Fact]
    public async Task An_unknown_job_name_gets_the_names_there_are()
    {
        var reply = Assert.Single(await _app.SayAsync("admin", "/admin job run nosuch"));

        Assert.StartsWith("没有定时任务「nosuch」。现有的任务:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("due-reminders, intake-reconciliation, unclaimed-leads, housekeeping", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_without_a_name_gets_the_usage()
    {
        var reply = Assert.Single(await _app.SayAsync("admin", "/admin job pause"));

        Assert.StartsWith("用法:/admin job list", reply.Text, StringComparison.Ordinal);
    }

    private async Task<TriggerState> TriggerStateAsync(string job) =>
        await (await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTriggerState(new TriggerKey(job));

    /// <summary>The admin's audited acts on jobs, newest first (the demo seeding is audited too).</summary>
    private async Task<IReadOnlyList<AuditEntry>> AuditOfAdminAsync()
    {
        var entries = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Audit.RecentBy("admin", null, ChatCrmApp.Start.AddDays(-1), 100), default);
        return [.. entries.Where(entry => entry.Action.StartsWith("job.", StringComparison.Ordinal))];
    }
}
