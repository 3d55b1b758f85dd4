using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Reports;

/// <summary>/admin recount: the kept report tallies are compared with a full recount, mended where they drifted, and the answer says which.</summary>
public sealed class ReportRecountTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_admin_recounts_and_learns_the_tallies_were_right_then_mended_after_drift()
    {
        var before = Assert.Single(await _app.SayAsync("wang", "本月新增线索有多少"));
        var equal = Assert.Single(await _app.SayAsync("admin", "/admin recount"));

        // Drift no use case can cause: the kept pages lost behind the store's back.
        var store = _app.Services.GetRequiredService<ICrmStore>();
        await store.WriteAsync(session =>
        {
            session.ReportTallies.Replace(new TallyPageSet([], [], [], []), session.ReportTallies.CountedUnder()!);
            return true;
        }, default);
        var drifted = Assert.Single(await _app.SayAsync("wang", "本月新增线索有多少"));
        var mended = Assert.Single(await _app.SayAsync("admin", "/admin recount"));
        var after = Assert.Single(await _app.SayAsync("wang", "本月新增线索有多少"));

        Assert.StartsWith("报表计数与 ", equal.Text, StringComparison.Ordinal);
        Assert.Equal("0", equal.Fact("不一致"));
        Assert.NotEqual(before.Text, drifted.Text);
        Assert.EndsWith("已按重算结果修正。", mended.Text, StringComparison.Ordinal);
        Assert.NotEqual("0", mended.Fact("不一致"));
        Assert.Equal(before.Text, after.Text);
        var audited = await store.ReadAsync(session => session.Audit.InSequence(0, 10_000).Where(entry => entry.Action == RecountReports.Act).ToList(), default);
        Assert.Equal(2, audited.Count);
        Assert.EndsWith("rewritten", audited[1].AfterText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_recounts()
    {
        var refused = Assert.Single(await _app.SayAsync("wang", "/admin recount"));

        Assert.Equal("抱歉,只有管理员可以重算报表。", refused.Text);
    }
}
