using System.Text.RegularExpressions;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Reports;

/// <summary>
/// Reports asked in the web chat over the demo organisation: each number with its range, scope,
/// definition, "as of" and exclusions; the records behind it; a change counted the moment it is
/// committed; test records left out; an ambiguous word asked about. The clock stands at Wednesday
/// 2026-11-18 10:00 in Shanghai.
/// </summary>
public sealed partial class ReportConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_dictionary_lists_every_metric_and_explains_one()
    {
        var list = Assert.Single(await _app.SayAsync("wang", "/metrics"));
        var one = Assert.Single(await _app.SayAsync("wang", "/metrics win_rate"));

        Assert.Equal(12, list.Facts.Count);
        Assert.Contains(list.Facts, fact => fact.Label == "lead_to_opportunity");
        Assert.Equal("赢单率(win_rate,第 1 版)", one.Text);
        Assert.StartsWith("win_rate v1: 统计期内赢单数 ÷ 统计期内赢单数 + 输单数; 统计期内成交或输单", one.Fact("定义"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_gets_the_teams_new_leads_with_range_scope_definition_and_exclusions()
    {
        var expected = await CountAsync(lead => lead.TeamKey == "east" && InNovember(lead.CreatedAt));

        var reply = Assert.Single(await _app.SayAsync("wang", "本月新增线索有多少"));

        Assert.Equal($"新增线索(本月):{expected}", reply.Text);
        Assert.Equal("2026-11-01 – 2026-11-30", reply.Fact("统计期"));
        Assert.Equal("本团队", reply.Fact("范围"));
        Assert.StartsWith("new_leads v1: 统计期内创建的线索数", reply.Fact("定义"), StringComparison.Ordinal);
        Assert.Equal("2026-11-18 10:00", reply.Fact("截至"));
        Assert.Equal("0 条测试/演示/内部数据", reply.Fact("已排除"));
        Assert.Equal($"明细({expected} 条)", reply.Actions[0].Title);
    }

    [Fact]
    public async Task A_new_lead_counts_the_moment_it_is_committed_and_a_test_lead_is_left_out_and_said_so()
    {
        var before = NumberIn(Assert.Single(await _app.SayAsync("wang", "/report new_leads this_month")).Text);

        var created = Assert.Single(await _app.SayAsync("alice", "新建线索:赵六,13911112222,星河科技"));
        var after = NumberIn(Assert.Single(await _app.SayAsync("wang", "/report new_leads this_month")).Text);
        var marked = Assert.Single(await _app.SayAsync("admin", $"/admin exclude {created.Fact("线索")} test"));
        var excluded = Assert.Single(await _app.SayAsync("wang", "/report new_leads this_month"));

        Assert.Equal(before + 1, after);
        Assert.EndsWith("已标记为test数据,报表不再计入。", marked.Text, StringComparison.Ordinal);
        Assert.Equal(before, NumberIn(excluded.Text));
        Assert.Equal("1 条测试/演示/内部数据", excluded.Fact("已排除"));
    }

    [Fact]
    public async Task The_details_list_has_as_many_records_as_the_number()
    {
        var answer = Assert.Single(await _app.SayAsync("admin", "/report new_leads this_year"));
        var details = Assert.Single(await _app.PressAsync("admin", answer.Actions[0]));

        var number = NumberIn(answer.Text);
        Assert.StartsWith($"新增线索 背后的 {number} 条记录", details.Text, StringComparison.Ordinal);
        Assert.Equal(Math.Min(number, 10), details.Facts.Count);
        Assert.All(details.Facts, fact => Assert.Matches(@"^L-\d{8}-\d{4} ", fact.Label));
    }

    [Fact]
    public async Task An_ambiguous_word_is_asked_about_with_a_button_per_meaning()
    {
        var question = Assert.Single(await _app.SayAsync("wang", "本周东区转化率"));
        var answer = Assert.Single(await _app.PressAsync("wang", question.Actions[1]));

        Assert.Equal("「转化率」有不同的算法,你指的是哪一个?", question.Text);
        Assert.Equal(["线索转商机率", "赢单率"], question.Actions.Select(action => action.Title));
        Assert.StartsWith("赢单率(本周):", answer.Text, StringComparison.Ordinal);
        Assert.Equal("团队 华东 East", answer.Fact("范围"));
        Assert.Equal("2026-11-16 – 2026-11-22", answer.Fact("统计期"));
    }

    [Fact]
    public async Task Win_rate_is_won_over_won_and_lost_closed_in_the_period()
    {
        await _app.SayAsync("alice", "华为这单赢单了");
        await _app.SayAsync("alice", "字节跳动这单输单了");
        await _app.SayAsync("alice", "Acme deal is closed won");

        var reply = Assert.Single(await _app.SayAsync("alice", "/report win_rate today"));

        // A slash command answers in the asker's language: alice's is English.
        Assert.Equal("Win rate (today): 66.7% (2/3)", reply.Text);
        Assert.Equal("your own leads", reply.Fact("Scope"));
    }

    [Fact]
    public async Task A_salesperson_may_not_ask_for_another_teams_numbers()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "/report new_leads this_month team=south"));

        Assert.Equal("Sorry, you may not see reports for that scope.", reply.Text);
    }

    [Fact]
    public async Task The_pipeline_shows_each_open_stage_with_count_and_amount()
    {
        var reply = Assert.Single(await _app.SayAsync("admin", "pipeline by stage"));

        Assert.StartsWith("Pipeline by stage (as of now): ¥", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["new", "contacted", "qualified", "proposal", "negotiation"], reply.Facts.Skip(1).Take(5).Select(fact => fact.Label));
        Assert.All(reply.Facts.Skip(1).Take(5), fact => Assert.Matches(@"^¥[\d,]+ \(\d+\)$", fact.Value));
        var open = await CountAsync(lead => !lead.IsClosed);
        Assert.Equal($"Details ({open})", reply.Actions[0].Title);
    }

    private static bool InNovember(DateTimeOffset moment) =>
        moment >= new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)) && moment < new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private Task<int> CountAsync(Func<Lead, bool> counts) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.Leads.List(new LeadQuery { IncludeClosed = true, Limit = int.MaxValue }).Count(lead => lead.ExcludedAs is null && counts(lead)), default);

    private static int NumberIn(string text) => int.Parse(Number().Match(text).Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+$")]
    private static partial Regex Number();
}

/// <summary>A report's chart: served at its unguessable address to whoever holds the link, for a day; a changed or expired link is refused.</summary>
public sealed class ReportChartTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_answer_carries_a_chart_served_as_a_PNG_until_its_link_expires()
    {
        var answer = Assert.Single(await _app.SayAsync("wang", "本月销售漏斗"));
        var path = new Uri(answer.Image!.Url).PathAndQuery;

        var png = await _app.CreateClient().GetAsync(path);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        var tampered = await _app.CreateClient().GetAsync(path.Replace("/charts/", "/charts/x", StringComparison.Ordinal));
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var expired = await _app.CreateClient().GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes.Take(4));
        Assert.Equal(answer.Text, answer.Image.AltText);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, expired.StatusCode);
    }
}

/// <summary>The records behind a number in Excel: as many rows as the number, audited, for a short while only.</summary>
public sealed class ReportExportTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Details_offers_the_full_list_in_excel_with_as_many_rows_as_the_number_and_audits_it()
    {
        var answer = Assert.Single(await _app.SayAsync("wang", "/report new_leads this_year"));
        var details = Assert.Single(await _app.PressAsync("wang", answer.Actions[0]));
        var link = Channels.Conversation.ReplyLink.UrlOf(Assert.Single(details.Actions))!;

        var response = await _app.CreateClient().GetAsync(new Uri(link).PathAndQuery);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).ToList();
        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await _app.CreateClient().GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(int.Parse(answer.Text[(answer.Text.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture), rows.Count);
        Assert.All(rows, row => Assert.Matches(@"^L-\d{8}-\d{4}$", (string)((IDictionary<string, object>)row)["编号"]));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, expired.StatusCode);
        var audit = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.Audit.InSequence(0, 10_000).Where(entry => entry.Action == Core.Reports.ExportMetricRecords.Act).ToList(), default);
        Assert.Equal($"new_leads v1, 2026-01-01 – 2026-12-31: {rows.Count} records", Assert.Single(audit).AfterText);
    }
}
