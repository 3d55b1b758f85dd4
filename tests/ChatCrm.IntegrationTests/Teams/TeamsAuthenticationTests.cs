using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The messaging endpoint with authentication on, as in production: channel tokens are checked
/// against a loopback stand-in for the Bot Framework's OpenID metadata, and the bot's replies
/// carry the token it got from the stand-in's token endpoint. Anything but a valid token is a 401
/// and changes nothing.
/// </summary>
public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private BotFrameworkStandIn _botFramework = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _botFramework = await BotFrameworkStandIn.StartAsync();
        _app = new ChatCrmApp(settings: _botFramework.AppSettings);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _botFramework.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private DateTimeOffset Now => _app.Clock.GetUtcNow();

    [Fact]
    public async Task A_valid_channel_token_is_answered_and_the_reply_carries_the_bots_own_token()
    {
        var response = await PostAsync(_botFramework.TokenFor(_connector.ServiceUrl, Now));
        var reply = await WaitForConnectorAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(reply);
        Assert.Equal($"Bearer {BotFrameworkStandIn.OutboundToken}", reply.Authorization);
    }

    [Fact]
    public async Task Every_spoiled_token_is_refused_and_nothing_is_processed()
    {
        using var impostor = RSA.Create(2048);
        var spoiled = new Dictionary<string, string?>
        {
            ["missing header"] = null,
            ["expired"] = _botFramework.TokenFor(_connector.ServiceUrl, Now, age: TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6)),
            ["wrong audience"] = _botFramework.TokenFor(_connector.ServiceUrl, Now, audience: "another-bot"),
            ["wrong issuer"] = _botFramework.TokenFor(_connector.ServiceUrl, Now, issuer: "https://sts.windows.net/someone-else/"),
            ["bad signature"] = _botFramework.TokenFor(_connector.ServiceUrl, Now, signWith: impostor),
            ["serviceUrl mismatch"] = _botFramework.TokenFor("https://smba.trafficmanager.net/emea/", Now),
        };

        foreach (var (name, token) in spoiled)
        {
            var response = await PostAsync(token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Null(await WaitForConnectorAsync());
        Assert.Empty(await _app.InboxAsync("alice"));
    }

    private async Task<HttpResponseMessage> PostAsync(string? token)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json")))!.AsObject();
        activity["serviceUrl"] = _connector.ServiceUrl;
        activity["id"] = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _app.CreateClient().SendAsync(request);
    }

    /// <summary>The dispatcher runs on the fake clock: move it on until the connector hears something, or give up.</summary>
    private async Task<ReceivedRequest?> WaitForConnectorAsync()
    {
        for (var attempt = 0; attempt < 30 && _connector.Received.IsEmpty; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return _connector.Received.TryPeek(out var first) ? first : null;
    }
}
