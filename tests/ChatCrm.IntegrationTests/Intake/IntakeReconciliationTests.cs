using ChatCrm.Core.Intake;
using ChatCrm.Core.Store;
using ChatCrm.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Intake;

/// <summary>The hourly job on the app's fake clock: requests counted at the door that never settled alert the admins.</summary>
public sealed class IntakeReconciliationTests : IDisposable
{
    private readonly ChatCrmApp _app = new(settings: IntakeClient.Settings);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Requests_received_but_never_settled_alert_the_admins_after_the_hour()
    {
        var intake = new IntakeClient(_app);
        await intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });
        // Two requests counted at the door whose processing then died: written through the port as the door writes them.
        var store = _app.Services.GetRequiredService<ICrmStore>();
        await store.WriteAsync(session =>
        {
            session.Intake.Count("webform", IntakeHourCount.HourOf(_app.Clock.GetUtcNow()), IntakeOutcome.Received);
            session.Intake.Count("webform", IntakeHourCount.HourOf(_app.Clock.GetUtcNow()), IntakeOutcome.Received);
            return true;
        }, default);

        var alert = await AdvanceUntilAdminIsToldAsync();

        Assert.Equal(
            "⚠️ 线索接入源 webform 有请求收到了却没有保存结果(2026-11-18 10:00: 3 received, 1 stored)。可能有线索丢失:请查看服务日志,并发送 /admin source list 查看各接入源的计数和最近错误。",
            alert);
    }

    [Fact]
    public async Task The_job_runs_at_ten_past_each_hour()
    {
        var jobs = await _app.Services.GetRequiredService<IJobScheduler>().ListAsync(default);

        Assert.Equal(ChatCrmApp.Start.AddMinutes(10), jobs.Single(job => job.Name == "intake-reconciliation").NextRunAt);
    }

    private async Task<string?> AdvanceUntilAdminIsToldAsync()
    {
        // The job waits on the fake clock; step it forward until the notice reaches the admin's inbox.
        for (var step = 0; step < 80; step++)
        {
            var inbox = await _app.InboxAsync("admin");
            if (inbox.Count > 0)
            {
                return Assert.Single(inbox).Text;
            }

            _app.Clock.Advance(TimeSpan.FromMinutes(2));
            await Task.Delay(50);
        }

        return null;
    }
}
