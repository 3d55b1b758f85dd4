using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// What the bot says in Teams on its own, and what a person does with it: a lead offered by the
/// manager reaches the salesperson as a card with a Claim button that works, in their own chat or
/// in one the bot opens; a chat message logged with "Log to CRM"; an Action.Submit card updated in
/// place. A real loopback server stands in for the Teams connector; authentication is off, as
/// with the Agents Playground.
/// </summary>
public sealed class TeamsProactiveTests : IAsyncLifetime
{
    private const string AliceAad = "00000000-0000-0000-0000-0000000a11ce";

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

    [Fact]
    public async Task An_offered_lead_reaches_the_salesperson_as_a_card_and_its_claim_button_works()
    {
        await PostFixtureAsync("message-personal.json");
        await WaitForConnectorAsync(1);
        var lead = await PoolLeadAsync("网易");

        var offered = await _app.SayAsync("wang", $"/assign {lead} alice");
        var requests = await WaitForConnectorAsync(2);

        Assert.Contains("alice", offered[0].Text, StringComparison.Ordinal);
        var proactive = requests[1];
        Assert.Equal(("POST", "/v3/conversations/a%3A1AliceConversationId/activities"), (proactive.Method, proactive.PathAndQuery));
        var card = JsonNode.Parse(proactive.Body)!["attachments"]![0]!["content"]!;
        Assert.Contains(lead, card.ToJsonString(), StringComparison.Ordinal);
        var claim = card["actions"]![0]!;
        // Alice reads English, so the card is in English whoever offered the lead.
        Assert.Equal(("Action.Execute", "Claim"), ((string?)claim["type"], (string?)claim["title"]));

        var pressed = await PostAsync(ClaimInvoke(claim["data"]!.AsObject()));
        var answer = JsonNode.Parse(await pressed.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains($"You claimed {lead}", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("alice", (await LeadAsync(lead)).OwnerKey);
    }

    [Fact]
    public async Task Someone_seen_only_in_a_group_chat_gets_a_personal_chat_opened_for_the_card()
    {
        await PostFixtureAsync("message-groupchat-mention.json");
        await WaitForConnectorAsync(1);
        var lead = await PoolLeadAsync("网易");

        await _app.SayAsync("wang", $"/assign {lead} alice");
        var requests = await WaitForConnectorAsync(3);

        var open = requests[1];
        Assert.Equal(("POST", "/v3/conversations"), (open.Method, open.PathAndQuery));
        var body = JsonNode.Parse(open.Body)!;
        Assert.Equal("29:1aLiCeUsErId", (string?)body["members"]![0]!["id"]);
        Assert.Equal("28:00000000-0000-0000-0000-000000000b07", (string?)body["bot"]!["id"]);
        // The stand-in answers {"id":"sent-1"}: that is the opened chat the card goes to.
        Assert.Equal(("POST", "/v3/conversations/sent-1/activities"), (requests[2].Method, requests[2].PathAndQuery));
        Assert.Contains(lead, requests[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_chat_with_the_bot_the_notice_waits_in_the_web_chat_inbox()
    {
        var lead = await PoolLeadAsync("网易");

        await _app.SayAsync("wang", $"/assign {lead} alice");
        await WaitForConnectorAsync(1);

        Assert.Empty(_connector.Received);
        var inbox = await _app.InboxAsync("alice");
        Assert.Contains(lead, Assert.Single(inbox).Facts[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_to_crm_turns_a_chat_message_into_a_follow_up_on_the_linked_lead()
    {
        var lead = await OwnedLeadAsync("alice", "美团");
        await PostAsync(GroupMessage($"<at>ChatCrm</at> /link {lead}", "1763431260101"));

        var dialog = JsonNode.Parse(await (await PostAsync(MessageAction("composeExtension/fetchTask", null))).Content.ReadAsStringAsync())!;
        var note = dialog["task"]!["value"]!["card"]!["content"]!["body"]![1]!;
        Assert.Equal("刘女士说下周三来公司看方案", (string?)note["value"]);

        var submitted = await PostAsync(MessageAction("composeExtension/submitAction", """{"note":"刘女士说下周三来公司看方案,很感兴趣"}"""));
        var outcome = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;

        Assert.Equal("continue", (string?)outcome["task"]!["type"]);
        Assert.StartsWith("已记录", (string?)outcome["task"]!["value"]!["card"]!["content"]!["body"]![0]!["text"], StringComparison.Ordinal);
        var store = _app.Services.GetRequiredService<ICrmStore>();
        var followUp = Assert.Single(await store.ReadAsync(session => session.FollowUps.ListForLead(lead, 5), default));
        Assert.Equal("刘女士说下周三来公司看方案,很感兴趣", followUp.Summary);
        Assert.Equal("alice", followUp.AuthorKey);
    }

    [Fact]
    public async Task An_action_submit_card_is_updated_in_place()
    {
        var lead = await PoolLeadAsync("网易");
        var submit = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1763431200301",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1aLiCeUsErId", ["aadObjectId"] = AliceAad },
            ["conversation"] = new JsonObject { ["id"] = "a:1AliceConversationId", ["conversationType"] = "personal" },
            ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-000000000b07" },
            ["replyToId"] = "1763431200299",
            ["value"] = new JsonObject { ["do"] = "claim_lead", ["lead"] = lead, ["lang"] = "zh" },
        };

        await PostAsync(submit.ToJsonString());
        var request = Assert.Single(await WaitForConnectorAsync(1));

        Assert.Equal(("PUT", "/v3/conversations/a%3A1AliceConversationId/activities/1763431200299"), (request.Method, request.PathAndQuery));
        Assert.Equal("1763431200299", (string?)JsonNode.Parse(request.Body)!["id"]);
        Assert.Contains($"已认领 {lead}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_app_forgets_the_chat_so_notices_wait_instead_of_failing()
    {
        await PostFixtureAsync("message-personal.json");
        await WaitForConnectorAsync(1);
        var removed = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json")))!.AsObject();
        removed["type"] = "installationUpdate";
        removed["action"] = "remove";
        removed["id"] = "1763431200400";
        removed.Remove("text");
        removed["serviceUrl"] = _connector.ServiceUrl;
        await PostAsync(removed.ToJsonString());
        var lead = await PoolLeadAsync("网易");

        await _app.SayAsync("wang", $"/assign {lead} alice");
        await WaitForConnectorAsync(2);

        Assert.Single(_connector.Received);
        Assert.Single(await _app.InboxAsync("alice"));
    }

    [Fact]
    public async Task A_reply_teams_rejected_is_listed_to_the_admin_who_replays_it()
    {
        _connector.FailNext(400);
        await PostFixtureAsync("message-personal.json");
        await WaitForConnectorAsync(1);
        await WaitForConnectorAsync(2);

        var listed = Assert.Single(await _app.SayAsync("admin", "/outbox"));
        var replay = Assert.Single(listed.Actions);
        var replayed = await _app.PressAsync("admin", replay);
        var requests = await WaitForConnectorAsync(2);

        Assert.Contains("400", listed.Facts[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("已重新排队", replayed[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.StartsWith("没有未送达的消息", Assert.Single(await _app.SayAsync("admin", "/outbox")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_sees_unsent_messages()
    {
        var answer = Assert.Single(await _app.SayAsync("wang", "/outbox"));

        Assert.Equal("抱歉,只有管理员可以这样做。", answer.Text);
    }

    [Fact]
    public async Task A_stranger_is_told_the_command_to_link_them_and_once_the_admin_sends_it_is_answered()
    {
        var message = File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "playground", "message.json"))
            .Replace("http://localhost:56150/_connector", _connector.ServiceUrl.TrimEnd('/'), StringComparison.Ordinal);
        await PostAsync(message);
        var refusal = JsonNode.Parse(Assert.Single(await WaitForConnectorAsync(1)).Body)!["attachments"]![0]!["content"]!["body"]![0]!;
        var command = ((string?)refusal["text"])!.Split('\n')[^1].Replace("<your login>", "carol", StringComparison.Ordinal);

        var linked = Assert.Single(await _app.SayAsync("admin", command));
        await PostAsync(message.Replace("f1e58055-74e8-45da-893e-2d8f78efa010", "f1e58055-74e8-45da-893e-2d8f78efa011", StringComparison.Ordinal)
            .Replace("hi there", "my leads", StringComparison.Ordinal));
        var answered = await WaitForConnectorAsync(2);

        Assert.Equal("/admin user link carol teams 00000000-0000-0000-0000-0000000000020", command);
        Assert.StartsWith("已关联", linked.Text, StringComparison.Ordinal);
        Assert.Contains("陈总", answered[1].Body, StringComparison.Ordinal);
    }

    private string ClaimInvoke(JsonObject data)
    {
        var invoke = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "invoke-adaptive-card-action.json")))!.AsObject();
        invoke["serviceUrl"] = _connector.ServiceUrl;
        invoke["value"]!["action"]!["verb"] = (string?)data["do"];
        invoke["value"]!["action"]!["data"] = data.DeepClone();
        return invoke.ToJsonString();
    }

    private string GroupMessage(string text, string id)
    {
        var message = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-groupchat-mention.json")))!.AsObject();
        message["serviceUrl"] = _connector.ServiceUrl;
        message["text"] = text;
        message["id"] = id;
        return message.ToJsonString();
    }

    private string MessageAction(string name, string? dataJson) => $$"""
        {
          "type": "invoke",
          "name": "{{name}}",
          "id": "f:{{Guid.NewGuid():N}}",
          "serviceUrl": "{{_connector.ServiceUrl}}",
          "channelId": "msteams",
          "locale": "zh-CN",
          "from": { "id": "29:1aLiCeUsErId", "name": "Alice Li", "aadObjectId": "{{AliceAad}}" },
          "conversation": { "isGroup": true, "conversationType": "groupChat", "tenantId": "00000000-0000-0000-0000-00000000c0de", "id": "19:meeting_groupchat_thread@thread.v2" },
          "recipient": { "id": "28:00000000-0000-0000-0000-000000000b07", "name": "ChatCrm" },
          "value": {
            "commandId": "logToCrm",
            "commandContext": "message",
            {{(dataJson is null ? "" : "\"data\": " + dataJson + ",")}}
            "messagePayload": {
              "id": "1763431500000",
              "from": { "user": { "id": "29:customer", "displayName": "刘女士" } },
              "body": { "contentType": "html", "content": "<p>刘女士说下周三来公司看方案</p>" }
            }
          }
        }
        """;

    private async Task PostFixtureAsync(string fixture) =>
        await PostAsync(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, fixture))
            .Replace("https://smba.trafficmanager.net/apac/", _connector.ServiceUrl, StringComparison.Ordinal));

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private async Task<string> PoolLeadAsync(string company)
    {
        var store = _app.Services.GetRequiredService<ICrmStore>();
        var pool = await store.ReadAsync(session => session.Leads.List(new LeadQuery { Unowned = true, TeamKey = "east", Limit = 50 }), default);
        return pool.Single(lead => lead.Company == company && lead.AssigneeKey is null).Number;
    }

    private async Task<string> OwnedLeadAsync(string owner, string company)
    {
        var store = _app.Services.GetRequiredService<ICrmStore>();
        var leads = await store.ReadAsync(session => session.Leads.List(new LeadQuery { OwnerKey = owner, Limit = 50 }), default);
        return leads.Single(lead => lead.Company == company).Number;
    }

    private Task<Core.Leads.Lead> LeadAsync(string number) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(number)!, default);

    /// <summary>The router and the dispatcher run on the fake clock: move it on until the connector has seen enough.</summary>
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
