using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// Real Teams activities (the shared fixtures) posted to /api/messages with authentication off, as
/// the Agents Playground does; replies leave through the outbox to a loopback connector.
/// </summary>
public sealed class TeamsMessagingTests : IAsyncLifetime
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

    [Fact]
    public async Task A_message_with_a_mention_logs_a_follow_up_and_the_reply_card_reaches_the_connector()
    {
        var response = await PostAsync("message-groupchat-mention.json");
        var request = await WaitForConnectorAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", request[0].Method);
        Assert.Equal("/v3/conversations/19%3Ameeting_groupchat_thread%40thread.v2/activities/1763431260002", request[0].PathAndQuery);
        var activity = JsonNode.Parse(request[0].Body)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", activity["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("已记录对 王总 的跟进。", request[0].Body, StringComparison.Ordinal);
        Assert.Equal("1763431260002", activity["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_action_execute_invoke_is_answered_inline_with_a_card()
    {
        var response = await PostAsync("invoke-adaptive-card-action.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bot_added_to_a_chat_sends_a_welcome_card()
    {
        await PostAsync("conversation-update-bot-added.json");
        var request = await WaitForConnectorAsync(1);

        Assert.Equal("/v3/conversations/a%3A1AliceConversationId/activities", request[0].PathAndQuery);
        Assert.Contains("ChatCrm", request[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_bot_added_activity_is_welcomed_once()
    {
        await PostAsync("conversation-update-bot-added.json");
        await PostAsync("conversation-update-bot-added.json");
        await WaitForConnectorAsync(2);

        Assert.Single(_connector.Received);
    }

    [Fact]
    public async Task A_connector_failing_twice_still_gets_the_reply_once()
    {
        _connector.FailNext(500, 500);

        await PostAsync("message-personal.json");
        var requests = await WaitForConnectorAsync(3);

        Assert.Equal(3, requests.Count);
        Assert.All(requests, request => Assert.Equal(requests[0].Body, request.Body));
        await Task.Delay(300);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300);
        Assert.Equal(3, _connector.Received.Count);
    }

    [Fact]
    public async Task Without_authentication_an_activity_naming_a_remote_connector_is_refused()
    {
        var json = File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json"));

        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        await WaitForConnectorAsync(1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Theory]
    [InlineData("/privacy", "隐私说明")]
    [InlineData("/terms", "使用条款")]
    public async Task The_app_packages_developer_links_answer(string path, string heading)
    {
        var response = await _app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(heading, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_reaches_nobody()
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent("{\"type\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    private async Task<HttpResponseMessage> PostAsync(string fixture)
    {
        var json = File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, fixture))
            .Replace("https://smba.trafficmanager.net/apac/", _connector.ServiceUrl, StringComparison.Ordinal);
        return await _app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    /// <summary>The dispatcher runs on the fake clock: move it on until the connector has seen enough.</summary>
    private async Task<IReadOnlyList<ReceivedRequest>> WaitForConnectorAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _connector.Received.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return [.. _connector.Received];
    }
}
