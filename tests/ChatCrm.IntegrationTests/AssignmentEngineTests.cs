using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using ChatCrm.IntegrationTests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// The engine in the running app: a lead queued as intake will queue it is offered to a
/// salesperson at once (the signal wakes the engine), the card reaches their chat, and claiming
/// it, by button or by typing 认领, settles the assignment.
/// </summary>
public sealed class AssignmentEngineTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Teams:Enabled"] = "true" });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    [Fact]
    public async Task A_queued_pool_lead_is_offered_its_card_waits_in_the_web_chat_inbox_and_typing_认领_settles_it()
    {
        await _app.InboxAsync("alice");
        var queued = System.Diagnostics.Stopwatch.StartNew();
        var lead = await QueueAsync("网易");
        await UntilAsync(async () => (await LeadAsync(lead)).AssigneeKey is not null);
        var offeredAfter = queued.Elapsed;

        var card = Assert.Single(await _app.InboxAsync("alice"));
        var claimed = Assert.Single(await _app.SayAsync("alice", "认领"));

        // The signal wakes the engine at once; the tick (5 s) is only the fallback.
        Assert.True(offeredAfter < TimeSpan.FromSeconds(1), $"offered after {offeredAfter.TotalMilliseconds} ms");
        Assert.StartsWith("New lead 王总 for you: claim it by 2026-11-18 10:30", card.Text, StringComparison.Ordinal);
        Assert.Equal(["Claim", "Return"], card.Actions.Select(action => action.Title));
        Assert.StartsWith($"已认领 {lead}", claimed.Text, StringComparison.Ordinal);
        var assignment = (await Store.ReadAsync(session => session.LeadAssignments.Find(lead), default))!;
        Assert.Equal((AssignmentState.Claimed, "alice"), (assignment.State, assignment.ClaimedBy));
    }

    [Fact]
    public async Task In_teams_the_offer_is_a_card_whose_return_button_passes_the_lead_to_the_next_salesperson()
    {
        await PostAsync(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json"))
            .Replace("https://smba.trafficmanager.net/apac/", _connector.ServiceUrl, StringComparison.Ordinal));
        await WaitForConnectorAsync(1);
        var lead = await QueueAsync("网易");

        var requests = await WaitForConnectorAsync(2);
        var card = JsonNode.Parse(requests[1].Body)!["attachments"]![0]!["content"]!;
        var buttons = card["actions"]!.AsArray();
        var pressed = await PostAsync(Invoke(buttons[1]!["data"]!.AsObject()));

        Assert.Equal(["Claim", "Return"], buttons.Select(button => (string?)button!["title"]));
        Assert.Contains("you passed on", await pressed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("bob", (await LeadAsync(lead)).AssigneeKey);
    }

    [Fact]
    public async Task An_admin_asks_the_bot_how_assignment_is_doing()
    {
        var lead = await QueueAsync("网易");
        await UntilAsync(async () => (await LeadAsync(lead)).AssigneeKey is not null);

        var report = Assert.Single(await _app.SayAsync("admin", "/admin assignment"));

        Assert.Equal("近 7 天的分配:1 条线索进入分配,0 条已认领。", report.Text);
        Assert.Contains(report.Facts, fact => fact.Label == "进行中" && fact.Value == "1");
    }

    /// <summary>Queues a demo pool lead as intake does, and raises the signal.</summary>
    private async Task<string> QueueAsync(string company)
    {
        var pool = await Store.ReadAsync(session => session.Leads.List(new LeadQuery { Unowned = true, TeamKey = "east", Limit = 50 }), default);
        var number = pool.Single(lead => lead.Company == company && lead.AssigneeKey is null).Number;
        await Store.WriteAsync(session =>
        {
            session.AssignmentRequests.Add(new AssignmentRequest(number, "webform", [], _app.Clock.GetUtcNow()));
            return true;
        }, default);
        _app.Services.GetRequiredService<AssignmentSignal>().Raise();
        return number;
    }

    private Task<Lead> LeadAsync(string number) => Store.ReadAsync(session => session.Leads.Find(number)!, default);

    /// <summary>The engine wakes on the signal in real time; this waits for what it did, up to a few seconds.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 100 && !await done(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(await done(), "The engine did not act in time.");
    }

    private string Invoke(JsonObject data)
    {
        var invoke = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "invoke-adaptive-card-action.json")))!.AsObject();
        invoke["serviceUrl"] = _connector.ServiceUrl;
        invoke["value"]!["action"]!["verb"] = (string?)data["do"];
        invoke["value"]!["action"]!["data"] = data.DeepClone();
        return invoke.ToJsonString();
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The dispatcher runs on the fake clock: move it on until the connector has seen enough.</summary>
    private async Task<IReadOnlyList<ReceivedRequest>> WaitForConnectorAsync(int count)
    {
        for (var attempt = 0; attempt < 60 && _connector.Received.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return [.. _connector.Received];
    }
}
