using ChatCrm.Channels.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Channels.Tests.Teams.Auth;

public sealed class BotRequestAuthenticatorTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TestSigningKey _teamsKey = new("teams-key-1", "msteams", "webchat");
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeBotFrameworkLogin _login = null!;

    // One authenticator per test, so its key cache sees the rotations the test plays.
    private BotRequestAuthenticator? _authenticator;

    public async Task InitializeAsync() => _login = await FakeBotFrameworkLogin.StartAsync(_teamsKey);

    public async Task DisposeAsync() => await _login.DisposeAsync();

    public void Dispose()
    {
        _teamsKey.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Valid_teams_token_is_accepted_with_its_claims()
    {
        var result = await Authenticate(Bearer(_teamsKey, Valid()));

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.Equal(TestToken.ServiceUrl1, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_refused()
    {
        var token = Valid() with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-6) };

        await AssertRefused(BotAuthenticationFailure.Lifetime, Bearer(_teamsKey, token));
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = Valid() with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-4) };

        Assert.True((await Authenticate(Bearer(_teamsKey, token))).IsAuthenticated);
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_clock_skew_is_refused()
    {
        var token = Valid() with { NotBefore = Now.AddMinutes(6), Expires = Now.AddHours(1) };

        await AssertRefused(BotAuthenticationFailure.Lifetime, Bearer(_teamsKey, token));
    }

    [Fact]
    public async Task Token_for_another_app_is_refused()
    {
        await AssertRefused(BotAuthenticationFailure.WrongAudience, Bearer(_teamsKey, Valid() with { Audience = "another-app" }));
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var token = Valid() with { Issuer = "https://sts.windows.net/someone-else/" };

        await AssertRefused(BotAuthenticationFailure.WrongIssuer, Bearer(_teamsKey, token));
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_key_id_is_refused()
    {
        using var impostor = new TestSigningKey(_teamsKey.KeyId, "msteams");

        await AssertRefused(BotAuthenticationFailure.BadSignature, Bearer(impostor, Valid()));
    }

    [Fact]
    public async Task Token_for_another_service_url_is_refused()
    {
        var result = await Authenticate(Bearer(_teamsKey, Valid()), serviceUrl: "https://evil.example.com/");

        Assert.Equal(BotAuthenticationFailure.ServiceUrlMismatch, result.Failure);
    }

    [Fact]
    public async Task Token_without_a_serviceurl_claim_is_refused()
    {
        await AssertRefused(BotAuthenticationFailure.ServiceUrlMismatch, Bearer(_teamsKey, Valid() with { ServiceUrl = null }));
    }

    [Fact]
    public async Task Service_url_differing_only_by_trailing_slash_and_case_is_accepted()
    {
        var result = await Authenticate(Bearer(_teamsKey, Valid()), serviceUrl: "https://SMBA.trafficmanager.net/emea");

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Request_without_authorization_header_is_refused()
    {
        await AssertRefused(BotAuthenticationFailure.MissingHeader, header: null);
    }

    [Fact]
    public async Task Request_with_another_scheme_is_refused()
    {
        await AssertRefused(BotAuthenticationFailure.NotBearer, "Basic " + _teamsKey.Sign(Valid()));
    }

    [Fact]
    public async Task Bearer_value_that_is_not_a_jwt_is_refused()
    {
        await AssertRefused(BotAuthenticationFailure.MalformedToken, "Bearer not-a-token");
    }

    [Fact]
    public async Task Key_rotation_is_picked_up_by_refreshing_on_an_unknown_key_id()
    {
        Assert.True((await Authenticate(Bearer(_teamsKey, Valid()))).IsAuthenticated);
        using var rotated = new TestSigningKey("teams-key-2", "msteams");
        _login.Publish(_teamsKey, rotated);

        var result = await Authenticate(Bearer(rotated, Valid()));

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.Equal(2, _login.KeyFetches);
    }

    [Fact]
    public async Task Unknown_key_ids_refetch_the_metadata_at_most_once_per_interval()
    {
        using var unpublished = new TestSigningKey("never-published", "msteams");
        await AssertRefused(BotAuthenticationFailure.UnknownSigningKey, Bearer(unpublished, Valid()));

        await AssertRefused(BotAuthenticationFailure.UnknownSigningKey, Bearer(unpublished, Valid()));

        Assert.Equal(2, _login.KeyFetches);
    }

    [Fact]
    public async Task Key_not_endorsed_for_teams_is_refused()
    {
        using var webChatOnly = new TestSigningKey("webchat-key", "webchat");
        _login.Publish(webChatOnly);

        await AssertRefused(BotAuthenticationFailure.NotEndorsed, Bearer(webChatOnly, Valid()));
    }

    [Fact]
    public async Task Key_published_without_endorsements_is_accepted()
    {
        using var plain = new TestSigningKey("plain-key", endorsements: null);
        _login.Publish(plain);

        Assert.True((await Authenticate(Bearer(plain, Valid()))).IsAuthenticated);
    }

    [Fact]
    public async Task Entra_v2_token_of_the_configured_tenant_is_accepted_for_a_single_tenant_bot()
    {
        const string tenant = "9f2b7c1e-0000-4000-8000-00000000abcd";
        var authenticator = CreateAuthenticator(options =>
        {
            options.MicrosoftAppTenantId = tenant;
            options.EntraOpenIdMetadataUrl = _login.MetadataUrl; // the loopback server stands in for the tenant's keys too
        });
        var token = Valid() with { Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0" };

        var result = await authenticator.AuthenticateAsync(Bearer(_teamsKey, token), TestToken.ServiceUrl1, CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Without_an_app_id_every_request_is_accepted_anonymously()
    {
        var authenticator = CreateAuthenticator(options => options.MicrosoftAppId = null);

        var result = await authenticator.AuthenticateAsync(null, TestToken.ServiceUrl1, CancellationToken.None);

        Assert.True(result.IsAuthenticated);
        Assert.False(result.Identity!.IsAuthenticated);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private TestToken Valid() => TestToken.ValidAt(Now);

    private static string Bearer(TestSigningKey key, TestToken token) => "Bearer " + key.Sign(token);

    private Task<BotAuthenticationResult> Authenticate(string? header, string serviceUrl = TestToken.ServiceUrl1) =>
        CreateAuthenticator().AuthenticateAsync(header, serviceUrl, CancellationToken.None);

    private async Task AssertRefused(BotAuthenticationFailure expected, string? header)
    {
        var result = await Authenticate(header);

        Assert.Equal(expected, result.Failure);
    }

    private BotRequestAuthenticator CreateAuthenticator(Action<TeamsOptions>? configure = null)
    {
        if (configure is null && _authenticator is not null)
        {
            return _authenticator;
        }

        var options = new TeamsOptions
        {
            MicrosoftAppId = TestToken.AppId,
            MicrosoftAppPassword = "not-used-inbound",
            OpenIdMetadataUrl = _login.MetadataUrl,
            RequireHttpsMetadata = false,
        };
        configure?.Invoke(options);
        var authenticator = new BotRequestAuthenticator(
            _services.GetRequiredService<IHttpClientFactory>(), Options.Create(options), _clock, NullLogger<BotRequestAuthenticator>.Instance);
        return configure is null ? _authenticator = authenticator : authenticator;
    }
}
