using System.Net;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using ChatCrm.Digest;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>
/// The digest through the whole app: the job run on the app's fake clock (Wednesday 10:00
/// Shanghai, within the digest window), the card in the manager's web chat inbox, and the report
/// page its link opens.
/// </summary>
public sealed class DigestReportTests : IAsyncLifetime
{
    private const string Script = "<script>alert('x')</script>";
    private readonly ChatCrmApp _app = new();

    public async Task InitializeAsync()
    {
        _app.CreateClient(); // starts the app, which seeds the demo organisation
        var store = _app.Services.GetRequiredService<ICrmStore>();
        var yesterday = ChatCrmApp.Start.AddDays(-1);
        await store.WriteAsync(session =>
        {
            var lead = Lead.Create("L-20261117-0900", Script, null, "A&B <Co>", null, LeadStage.New, null, "east", "test", "admin", yesterday);
            session.Leads.Insert(lead);
            session.Audit.Append(new AuditEntry(Guid.CreateVersion7(yesterday), yesterday, "admin", "intake", null, AuditActions.CreateLead, lead.Number, null, lead.ToSnapshot(), null));
            return true;
        }, default);
        await _app.Services.GetRequiredService<SendManagerDigests>().RunAsync(default);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_manager_reads_the_digest_card_in_their_language()
    {
        var card = await DigestCardAsync();

        Assert.Equal("📊 华东 East 日报 · 2026-11-17", card.Text);
        // The demo's lead created a day before the start counts; the test lead added here does not (reports leave test data out).
        Assert.StartsWith("1 · 较上期 ", card.Fact("新增线索(昨天)"), StringComparison.Ordinal);
        Assert.Equal("2026-11-18 10:00 (Asia/Shanghai)", card.Fact("统计时间"));
    }

    [Fact]
    public async Task Each_number_is_the_one_the_chat_gives_for_the_same_metric_period_and_team()
    {
        var card = await DigestCardAsync();
        var today = new DateOnly(2026, 11, 18);

        foreach (var (metric, period) in DigestMetrics.Shown(today))
        {
            var answer = Assert.Single(await _app.SayAsync("wang", $"/report {metric} {period} team=east".Replace("  ", " ", StringComparison.Ordinal)));
            var number = answer.Text[(answer.Text.LastIndexOf(':') + 1)..];
            Assert.True(card.Facts.Any(fact => fact.Value == number || fact.Value.StartsWith(number + " · ", StringComparison.Ordinal)), $"{metric}: the chat said \"{answer.Text}\", the card {string.Join(" | ", card.Facts.Select(fact => fact.Value))}");
        }
    }

    [Fact]
    public async Task The_leads_that_need_a_look_each_have_a_details_button_and_the_pipeline_is_the_chart()
    {
        var card = await DigestCardAsync();

        var details = card.Actions.Where(action => action.Title.StartsWith("详情 · ", StringComparison.Ordinal)).ToList();
        Assert.InRange(details.Count, 1, DigestMetrics.ExceptionsListed);
        Assert.Equal(details.Count, card.Facts.Count(fact => fact.Label.StartsWith("⚠️ ", StringComparison.Ordinal)));
        var summary = Assert.Single(await _app.PressAsync("wang", details[0]));
        Assert.Contains(details[0].Title["详情 · ".Length..], summary.Text, StringComparison.Ordinal);

        var chart = Assert.IsType<ReplyImage>(card.Image);
        var png = await _app.CreateClient().GetAsync(new Uri(chart.Url).PathAndQuery);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (png.StatusCode, png.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task The_report_link_opens_the_numbers_and_the_leads_behind_them_escaped()
    {
        var response = await _app.CreateClient().GetAsync(ReportPath(await DigestCardAsync()));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("L-20261117-0900 &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Script, page, StringComparison.Ordinal);
        Assert.Contains("<td>new_leads v1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>pipeline_by_stage v1</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_behind_a_number_shows_its_audit_trail_on_the_report()
    {
        var page = await (await _app.CreateClient().GetAsync(ReportPath(await DigestCardAsync()))).Content.ReadAsStringAsync();

        var row = page.IndexOf("L-20261117-0900 &lt;script&gt;", StringComparison.Ordinal);
        var trail = page.IndexOf("<details>", row, StringComparison.Ordinal);
        Assert.True(row > 0 && trail > row, page);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("2026-11-17 10:00 · admin · lead.create · intake"), page[trail..page.IndexOf("</details>", trail, StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_gets_401_problem_details()
    {
        var path = ReportPath(await DigestCardAsync());
        var forged = path[..^6] + (path[^6] == 'A' ? "B" : "A") + path[^5..];

        var response = await _app.CreateClient().GetAsync(forged);

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_token_for_another_team_does_not_open_its_report()
    {
        var path = ReportPath(await DigestCardAsync()).Replace("/east/", "/south/", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_gets_401()
    {
        // Made as the job makes links, with an expiry just passed on the app's clock (moving the
        // clock a week would run a week of the app's timers).
        var links = _app.Services.GetRequiredService<DigestReportLinks>();
        var expired = links.For("east", new DateOnly(2026, 11, 18), _app.Clock.GetUtcNow().AddSeconds(-1));
        var fresh = links.For("east", new DateOnly(2026, 11, 18), _app.Clock.GetUtcNow().AddMinutes(1));

        var answers = new[] { await _app.CreateClient().GetAsync(new Uri(expired).PathAndQuery), await _app.CreateClient().GetAsync(new Uri(fresh).PathAndQuery) };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK], answers.Select(answer => answer.StatusCode));
    }

    [Fact]
    public async Task A_good_link_to_a_day_without_a_digest_gets_404()
    {
        var link = _app.Services.GetRequiredService<DigestReportLinks>().For("east", new DateOnly(2026, 11, 10), _app.Clock.GetUtcNow().AddDays(1));

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    private async Task<ChatReply> DigestCardAsync() =>
        Assert.Single(await _app.InboxAsync("wang"), reply => reply.Text.StartsWith("📊", StringComparison.Ordinal));

    private static string ReportPath(ChatReply card)
    {
        var link = Assert.Single(card.Actions, action => ReplyLink.UrlOf(action) is not null);
        Assert.Equal("查看完整报告", link.Title);
        return new Uri(ReplyLink.UrlOf(link)!).PathAndQuery;
    }
}
