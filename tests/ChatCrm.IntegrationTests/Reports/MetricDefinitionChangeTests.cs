using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Reports;

/// <summary>An admin changes a definition's parameter: a new version, audited with the definition before and after, and every answer quotes it.</summary>
public sealed class MetricDefinitionChangeTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_change_bumps_the_version_is_audited_and_every_answer_quotes_the_new_definition()
    {
        var changed = Assert.Single(await _app.SayAsync("admin", "/admin metric set first_contact_sla sla_hours=12 reason=客户要求半天内回电"));
        var explained = Assert.Single(await _app.SayAsync("admin", "/metrics first_contact_sla"));
        var answer = Assert.Single(await _app.SayAsync("wang", "/report first_contact_sla this_month"));

        Assert.Equal("first_contact_sla 的定义已更新为第 2 版,已记入审计。", changed.Text);
        Assert.EndsWith("sla_hours=24", changed.Fact("之前"), StringComparison.Ordinal);
        Assert.EndsWith("sla_hours=12", changed.Fact("现在"), StringComparison.Ordinal);
        Assert.Equal("首次联系及时率(first_contact_sla,第 2 版)", explained.Text);
        Assert.StartsWith("first_contact_sla v2: ", answer.Fact("定义"), StringComparison.Ordinal);
        Assert.EndsWith("sla_hours=12", answer.Fact("定义"), StringComparison.Ordinal);
        var audit = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.Audit.InSequence(0, 10_000).Last(entry => entry.Action == ManageMetrics.ChangeAct), default);
        Assert.Equal(("admin", "first_contact_sla", "客户要求半天内回电"), (audit.ActorKey, audit.Subject, audit.Detail));
        Assert.StartsWith("first_contact_sla v1: ", audit.BeforeText, StringComparison.Ordinal);
        Assert.StartsWith("first_contact_sla v2: ", audit.AfterText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_changes_a_definition_and_a_wrong_parameter_is_explained()
    {
        var refused = Assert.Single(await _app.SayAsync("wang", "/admin metric set first_contact_sla sla_hours=12 reason=想改"));
        var wrong = Assert.Single(await _app.SayAsync("admin", "/admin metric set first_contact_sla window_days=3 reason=试试"));
        var outOfRange = Assert.Single(await _app.SayAsync("admin", "/admin metric set stale_leads stale_days=0 reason=试试"));
        var listed = Assert.Single(await _app.SayAsync("admin", "/metrics"));

        Assert.Equal("抱歉,只有管理员可以修改指标定义。", refused.Text);
        Assert.Equal("first_contact_sla 可以调整的是:sla_hours (1–720)。例如 /admin metric set first_contact_sla sla_hours=1 reason=原因", wrong.Text);
        Assert.StartsWith("stale_leads 可以调整的是:stale_days (1–365)", outOfRange.Text, StringComparison.Ordinal);
        Assert.All(listed.Facts, fact => Assert.EndsWith(" · v1", fact.Value, StringComparison.Ordinal));
    }
}
