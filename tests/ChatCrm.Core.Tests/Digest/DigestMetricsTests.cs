using ChatCrm.Core.Access;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Digest;

/// <summary>
/// The digest's numbers are the metrics dictionary's, asked as the chat asks them, and its
/// exceptions are the team's leads that need a look, worst first. Digests at Thursday and Friday
/// 2026-11-19/20 08:00 Shanghai for team east.
/// </summary>
public sealed class DigestMetricsTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly DigestWorld _digest = new(At(19, 8));
    private int _leads;

    public void Dispose() => _digest.Dispose();

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Shanghai);

    [Fact]
    public async Task Every_number_equals_the_chats_answer_for_the_same_metric_period_and_team()
    {
        await SeedAsync();

        var digest = await SentAsync(19);

        var answers = new AnswerMetric(_digest.World.Store, _digest.World.Clock, _digest.World.Settings, ReportSettings.Default);
        Assert.Equal(DigestMetrics.Shown(new DateOnly(2026, 11, 19)).Select(shown => shown.Metric), digest.Metrics.Select(metric => metric.MetricId));
        foreach (var shown in digest.Metrics)
        {
            var answer = (await answers.HandleAsync(As(Wang), new MetricRequest(shown.MetricId, shown.Period, "east"), default)).Value!;
            Assert.Equal((answer.Result.Value, answer.Result.RecordCount, answer.Previous?.Value), (shown.Value, shown.Count, answer.Previous is null ? null : shown.Previous));
        }

        var newLeads = digest.Metrics.Single(metric => metric.MetricId == MetricDictionary.NewLeads);
        Assert.Equal((2m, 1m, "2026-11-18"), (newLeads.Value, newLeads.Previous, newLeads.DayRange));
    }

    [Fact]
    public async Task The_pipeline_a_state_is_compared_with_what_the_previous_digest_showed()
    {
        var deal = await SeedAsync();
        var thursday = await SentAsync(19);
        await _digest.World.Store.WriteAsync(session =>
        {
            var lead = session.Leads.Find(deal)!;
            lead.Value(500_000m, "CNY", At(19, 12));
            session.Leads.Update(lead);
            return true;
        }, default);

        var friday = await SentAsync(20);

        var before = thursday.Metrics.Single(metric => metric.MetricId == MetricDictionary.PipelineByStage);
        var after = friday.Metrics.Single(metric => metric.MetricId == MetricDictionary.PipelineByStage);
        Assert.Equal((200_000m, (decimal?)null), (before.Value, before.Previous));
        Assert.Equal((500_000m, (decimal?)200_000m), (after.Value, after.Previous));
    }

    [Fact]
    public async Task Exceptions_list_overdue_deals_then_leads_never_contacted_past_the_sla_then_quiet_ones_and_leave_test_data_out()
    {
        var deal = await SeedAsync();

        var digest = await SentAsync(19);

        Assert.Equal(
            [(DigestExceptionKind.OverdueDeal, deal), (DigestExceptionKind.Uncontacted, "L-D004"), (DigestExceptionKind.Uncontacted, "L-D003"), (DigestExceptionKind.Quiet, "L-D005")],
            digest.Exceptions.Select(exception => (exception.Kind, exception.LeadNumber)));
        Assert.Equal((1, 2, 1), (digest.ExceptionCounts[DigestExceptionKind.OverdueDeal], digest.ExceptionCounts[DigestExceptionKind.Uncontacted], digest.ExceptionCounts[DigestExceptionKind.Quiet]));
        Assert.Equal(("Alice", 200_000m), (digest.Exceptions[0].OwnerName, digest.Exceptions[0].Amount));
    }

    [Fact]
    public async Task The_notice_carries_the_numbers_and_exceptions_for_every_channel()
    {
        await SeedAsync();
        await _digest.RunAsync();

        var notice = Assert.Single(await _digest.DigestsForAsync(Wang.Key));

        Assert.Equal(5, DigestJson.ReadMetrics(notice.Args["metrics"]).Count);
        Assert.Equal(4, DigestJson.ReadExceptions(notice.Args["exceptions"]).Count);
        Assert.Equal(2, DigestJson.ReadCounts(notice.Args["exception_counts"])[DigestExceptionKind.Uncontacted]);
    }

    private async Task<ManagerDigest> SentAsync(int day)
    {
        await _digest.RunAtAsync(At(day, 8));
        return await _digest.DigestAsync("east", new DateOnly(2026, 11, day)) ?? throw new InvalidOperationException("No digest was sent.");
    }

    /// <returns>The overdue deal's number.</returns>
    private Task<string> SeedAsync() => _digest.World.Store.WriteAsync(session =>
    {
        // A proposal worth 200,000 whose promised follow-up passed yesterday.
        var deal = Lead(session, At(10, 9), Alice, "webform", lead =>
        {
            lead.MoveTo(LeadStage.Proposal, At(12, 9));
            lead.Value(200_000m, "CNY", At(12, 9));
            lead.RecordFollowUp(At(15, 9), At(18, 9), At(15, 9));
        });

        // Created yesterday (two) and the day before (one); of yesterday's, one was followed up at once.
        Lead(session, At(18, 7), Bob, "webform", lead => lead.RecordFollowUp(At(18, 8), At(25, 9), At(18, 8)));
        Lead(session, At(18, 1), null, "webform");
        Lead(session, At(17, 9), Bob, "webform");

        // Quiet: owned, followed up twelve days ago.
        Lead(session, At(1, 9), Bob, "webform", lead => lead.RecordFollowUp(At(7, 9), null, At(7, 9)));

        // Never contacted either, but test data (its source) or another team's: no exception.
        Lead(session, At(16, 9), Alice, "test");
        Lead(session, At(16, 9), Carol, "webform");
        return deal;
    }, default);

    private string Lead(ICrmSession session, DateTimeOffset createdAt, User? owner, string source, Action<Lead>? then = null)
    {
        var number = $"L-D{++_leads:000}";
        var lead = Core.Leads.Lead.Create(number, "Lead " + number, null, null, null, LeadStage.New, owner, "east", source, "admin", createdAt);
        then?.Invoke(lead);
        session.Leads.Insert(lead);
        return number;
    }
}
