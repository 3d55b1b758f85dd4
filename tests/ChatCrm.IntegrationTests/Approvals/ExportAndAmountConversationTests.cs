using System.Net;
using System.Text;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Approvals;

/// <summary>Exports fetched through their one-time link, and a signed amount asked for in chat.</summary>
public sealed class ExportAndAmountConversationTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_export_is_a_masked_csv_behind_a_link_that_works_once()
    {
        var reply = Assert.Single(await _app.SayAsync("wang", "/export team"));
        var link = new Uri(reply.Text.Split('\n')[^1]);
        var client = _app.CreateClient();

        var first = await client.GetAsync(link.PathAndQuery);
        var csv = Encoding.UTF8.GetString(await first.Content.ReadAsByteArrayAsync());
        var second = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/csv", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains("138****8001", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138001", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("比亚迪", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task A_link_with_a_wrong_token_opens_nothing()
    {
        var reply = Assert.Single(await _app.SayAsync("wang", "/export team"));
        var link = new Uri(reply.Text.Split('\n')[^1]);

        var forged = await _app.CreateClient().GetAsync(link.AbsolutePath + "?token=forged");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task An_export_with_phones_asks_why_then_needs_approval()
    {
        var asked = Assert.Single(await _app.SayAsync("wang", "/export team phones"));
        var card = Assert.Single(await _app.SayAsync("wang", "季度客户回访"));

        Assert.Contains("原因", asked.Text, StringComparison.Ordinal);
        Assert.Contains("含完整电话", card.Text, StringComparison.Ordinal);
        Assert.Equal("季度客户回访", card.Fact("原因"));
    }

    [Fact]
    public async Task Changing_a_won_deal_s_amount_in_chat_opens_an_approval_and_changes_nothing_yet()
    {
        var won = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.Leads.List(new LeadQuery { OwnerKey = "bob", IncludeClosed = true, Limit = 50 }).First(lead => lead.Stage == LeadStage.Won), default);

        var card = Assert.Single(await _app.SayAsync("wang", $"/amount {won.Number} 50万 客户折扣"));
        var after = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(won.Number), default);

        Assert.Contains("已签约线索", card.Text, StringComparison.Ordinal);
        Assert.Equal(won.Amount, after!.Amount);
    }
}
