using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using ChatCrm.IntegrationTests.Teams;
using ChatCrm.IntegrationTests.WeCom;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Approvals;

/// <summary>
/// The approval card's buttons work on the chat platforms the way an offer's Claim button does: a
/// WeCom template card's 批准 (an encrypted template_card_event) and a Teams card's Approve (an
/// Action.Execute invoke). Lee may delete his own leads; his team's manager approves.
/// </summary>
public sealed class ApprovalButtonTests
{
    private const string AliceAad = "00000000-0000-0000-0000-0000000a11ce";

    [Fact]
    public async Task The_wecom_approval_card_s_approve_button_runs_the_request()
    {
        await using var api = await WeComStandIn.StartAsync();
        using var app = new ChatCrmApp(settings: WeComCallbackClient.Settings(api.ApiBaseUrl));
        var wecom = new WeComCallbackClient(app);
        await wecom.PostAsync(WeComCallbackClient.Text("wang", "/help", "7501", wecom.Now));
        await WaitAsync(app, () => api.Delivered.Count >= 1);
        var (number, lead) = await ConfirmedDeleteAsync(app, "east");

        await app.Services.GetRequiredService<Channels.Outbound.NoticeRouting>().RouteOnceAsync(default);
        await WaitAsync(app, () => api.Delivered.Count >= 2);
        var card = api.Delivered.ElementAt(1)["template_card"]!;
        var approve = card["button_list"]!.AsArray().First(button => (string?)button!["text"] == "批准")!;
        await wecom.PostAsync(WeComCallbackClient.Event("wang", wecom.Now, "template_card_event",
            ("EventKey", (string)approve["key"]!), ("TaskId", "cc_approval"), ("CardType", "button_interaction"), ("ResponseCode", "resp-approve")));

        Assert.Equal(ApprovalState.Done, await SettledAsync(app, number));
        Assert.Null(await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(lead), default));
    }

    [Fact]
    public async Task The_teams_approval_card_s_approve_button_runs_the_request()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Teams:Enabled"] = "true" });
        await PostAsync(app, File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json"))
            .Replace("https://smba.trafficmanager.net/apac/", connector.ServiceUrl, StringComparison.Ordinal));
        await WaitAsync(app, () => connector.Received.Count >= 1);
        await app.Services.GetRequiredService<ICrmStore>().WriteAsync(session =>
        {
            session.People.Save(new Team("lab", "Lab", "alice"));
            return true;
        }, default);
        var (number, _) = await ConfirmedDeleteAsync(app, "lab");

        await WaitAsync(app, () => connector.Received.Count >= 2);
        var card = JsonNode.Parse(connector.Received.ElementAt(1).Body)!["attachments"]![0]!["content"]!;
        var approve = card["actions"]!.AsArray().First(action => (string?)action!["title"] == "Approve")!;
        var invoke = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "invoke-adaptive-card-action.json")))!.AsObject();
        invoke["serviceUrl"] = connector.ServiceUrl;
        invoke["value"]!["action"]!["verb"] = (string?)approve["data"]!["do"];
        invoke["value"]!["action"]!["data"] = approve["data"]!.DeepClone();
        var pressed = await PostAsync(app, invoke.ToJsonString());

        Assert.Contains($"Approved {number}", await pressed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ApprovalState.Done, await SettledAsync(app, number));
    }

    /// <summary>Lee (who may delete his own leads) asks to delete one and confirms with the card's code, in the web chat.</summary>
    private static async Task<(string Number, string Lead)> ConfirmedDeleteAsync(ChatCrmApp app, string team)
    {
        var lead = await app.Services.GetRequiredService<ICrmStore>().WriteAsync(session =>
        {
            var lee = new User("lee", "Lee", Role.Salesperson, team, ["Lee"], "zh", Grants: new Dictionary<Permission, AccessScope>
            {
                [Permission.View] = AccessScope.Own, [Permission.Edit] = AccessScope.Own, [Permission.Delete] = AccessScope.Own,
            });
            session.People.Save(lee);
            var created = Lead.Create("L-20261117-0901", "测试客户", null, null, null, LeadStage.New, lee, null, "test", "lee", app.Clock.GetUtcNow());
            session.Leads.Insert(created);
            return created.Number;
        }, default);
        var card = Assert.Single(await app.SayAsync("lee", $"/delete {lead} 测试数据"));
        Assert.StartsWith("已确认", Assert.Single(await app.SayAsync("lee", "/confirm " + card.Fact("确认码"))).Text, StringComparison.Ordinal);
        return (card.Fact("编号"), lead);
    }

    /// <summary>A press is answered at once and handled after: look until the request is settled.</summary>
    private static async Task<ApprovalState> SettledAsync(ChatCrmApp app, string number)
    {
        var store = app.Services.GetRequiredService<ICrmStore>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var request = await store.ReadAsync(session => session.Approvals.Find(number), default);
            if (request is { IsOpen: false })
            {
                return request.State;
            }

            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        throw new TimeoutException("The press was not handled");
    }

    /// <summary>The router and the dispatcher run on the fake clock: move it on until the stand-in has what it waits for.</summary>
    private static async Task WaitAsync(ChatCrmApp app, Func<bool> done)
    {
        for (var attempt = 0; attempt < 100 && !done(); attempt++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(ChatCrmApp app, string json)
    {
        var response = await app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
