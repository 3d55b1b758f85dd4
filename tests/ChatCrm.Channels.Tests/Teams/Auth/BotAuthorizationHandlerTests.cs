using ChatCrm.Channels.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.Tests.Teams.Auth;

public sealed class BotAuthorizationHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeTokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Connector_call_carries_the_bot_token()
    {
        using var client = CreateClient(new TeamsOptions { MicrosoftAppId = TestToken.AppId, MicrosoftAppPassword = "secret", TokenEndpoint = _endpoint.TokenUrl });

        (await client.GetAsync(_endpoint.EchoUrl)).EnsureSuccessStatusCode();

        Assert.Equal(["Bearer token-1"], _endpoint.EchoAuthorizations);
    }

    [Fact]
    public async Task Without_an_app_id_no_header_is_added_and_no_token_requested()
    {
        using var client = CreateClient(new TeamsOptions { TokenEndpoint = _endpoint.TokenUrl });

        (await client.GetAsync(_endpoint.EchoUrl)).EnsureSuccessStatusCode();

        Assert.Null(Assert.Single(_endpoint.EchoAuthorizations));
        Assert.Equal(0, _endpoint.Requests);
    }

    private HttpClient CreateClient(TeamsOptions options)
    {
        var tokens = new BotTokenProvider(
            _services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), TimeProvider.System, NullLogger<BotTokenProvider>.Instance);
        return new HttpClient(new BotAuthorizationHandler(tokens, Options.Create(options)) { InnerHandler = new HttpClientHandler() });
    }
}
