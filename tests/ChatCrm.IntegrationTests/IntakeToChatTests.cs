using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Store;
using ChatCrm.IntegrationTests.Intake;
using ChatCrm.IntegrationTests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// The road issue 5 promises end to end: a signed form post becomes a lead in the team's pool, the
/// assignment engine offers it to a salesperson, and the offer reaches their Teams chat as a card
/// whose Claim makes it theirs. A loopback server stands in for the Teams connector.
/// </summary>
public sealed class IntakeToChatTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        var settings = new Dictionary<string, string>(IntakeClient.Settings) { ["ChatCrm:Teams:Enabled"] = "true" };
        _app = new ChatCrmApp(settings: settings);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_form_post_becomes_a_lead_offered_on_a_salespersons_chat_whose_claim_works()
    {
        var hello = File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json")).Replace("https://smba.trafficmanager.net/apac/", _connector.ServiceUrl, StringComparison.Ordinal);
        await _app.CreateClient().PostAsync("/api/messages", new StringContent(hello, Encoding.UTF8, "application/json"));
        await WaitForConnectorAsync(1);

        var posted = await new IntakeClient(_app).PostFormAsync("webform", [new("name", "赵先生"), new("mobile", "13900139077"), new("company", "蔚来"), new("message", "想了解企业版")]);
        var lead = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!.GetValue<string>();
        var requests = await WaitForConnectorAsync(2);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var offer = requests[1];
        Assert.Equal("/v3/conversations/a%3A1AliceConversationId/activities", offer.PathAndQuery);
        var card = JsonNode.Parse(offer.Body)!["attachments"]![0]!["content"]!;
        Assert.Contains(lead, card.ToJsonString(), StringComparison.Ordinal);
        var claim = card["actions"]!.AsArray().First(action => (string?)action!["data"]!["do"] == "claim_lead")!;

        var invoke = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "invoke-adaptive-card-action.json")))!.AsObject();
        invoke["serviceUrl"] = _connector.ServiceUrl;
        invoke["value"]!["action"]!["data"] = claim["data"]!.DeepClone();
        var pressed = await _app.CreateClient().PostAsync("/api/messages", new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var stored = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(lead), default);
        Assert.Equal(("alice", "webform", "east"), (stored!.OwnerKey, stored.Source, stored.TeamKey));
    }

    /// <summary>The router and the dispatcher run on the fake clock: move it on until the connector has seen enough.</summary>
    private async Task<IReadOnlyList<ReceivedRequest>> WaitForConnectorAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _connector.Received.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(50);
        }

        return [.. _connector.Received];
    }
}
