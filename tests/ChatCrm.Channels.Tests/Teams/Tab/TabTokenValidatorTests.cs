using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Tab;
using ChatCrm.Channels.Tests.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Channels.Tests.Teams.Tab;

/// <summary>
/// Teams SSO tokens signed by a key made here and published through OpenID metadata on a loopback
/// server, as Entra ID's common v2.0 metadata publishes its keys.
/// </summary>
public sealed class TabTokenValidatorTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
    private readonly TestSigningKey _entraKey = new("entra-key-1", endorsements: null);
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeBotFrameworkLogin _login = null!;

    public async Task InitializeAsync() => _login = await FakeBotFrameworkLogin.StartAsync(_entraKey);

    public async Task DisposeAsync() => await _login.DisposeAsync();

    public void Dispose()
    {
        _entraKey.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task Valid_token_names_the_person_and_their_tenant()
    {
        var result = await Validate(Bearer(Valid()));

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.Equal(TabTestToken.AliceObjectId, result.ObjectId);
        Assert.Equal(TabTestToken.TenantA, result.TenantId);
    }

    [Fact]
    public async Task Token_for_the_application_id_uri_is_accepted()
    {
        var result = await Validate(Bearer(Valid() with { Audience = TabTestToken.ApplicationIdUri }));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Token_for_a_configured_audience_is_accepted()
    {
        var validator = CreateValidator(configureTab: tab => tab.Audience = "api://crm.contoso.com/botid-6a7b8c9d");

        var result = await validator.ValidateAsync(Bearer(Valid() with { Audience = "api://crm.contoso.com/botid-6a7b8c9d" }), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Token_expired_beyond_the_clock_skew_is_refused()
    {
        var token = Valid() with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-6) };

        await AssertRefused(TabAuthenticationFailure.Lifetime, Bearer(token));
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted()
    {
        var token = Valid() with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-4) };

        Assert.True((await Validate(Bearer(token))).IsAuthenticated);
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_clock_skew_is_refused()
    {
        var token = Valid() with { NotBefore = Now.AddMinutes(6), Expires = Now.AddHours(1) };

        await AssertRefused(TabAuthenticationFailure.Lifetime, Bearer(token));
    }

    [Theory]
    [InlineData("00000003-0000-0000-c000-000000000000")] // Microsoft Graph: a token Teams got for another API
    [InlineData("api://crm.contoso.com/another-app")]
    [InlineData("api://evil.example.com/6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d")]
    public async Task Token_for_another_audience_is_refused(string audience)
    {
        await AssertRefused(TabAuthenticationFailure.WrongAudience, Bearer(Valid() with { Audience = audience }));
    }

    [Fact]
    public async Task Token_whose_issuer_names_another_tenant_than_its_tid_is_refused()
    {
        var token = Valid() with { Issuer = $"https://login.microsoftonline.com/{TabTestToken.TenantB}/v2.0" };

        await AssertRefused(TabAuthenticationFailure.WrongIssuer, Bearer(token));
    }

    [Fact]
    public async Task Token_from_the_v1_endpoint_is_refused()
    {
        var token = Valid() with { Issuer = $"https://sts.windows.net/{TabTestToken.TenantA}/" };

        await AssertRefused(TabAuthenticationFailure.WrongIssuer, Bearer(token));
    }

    [Fact]
    public async Task Token_without_a_tenant_is_refused()
    {
        await AssertRefused(TabAuthenticationFailure.WrongIssuer, Bearer(Valid() with { TenantId = null }));
    }

    [Fact]
    public async Task Token_of_another_tenant_is_refused_when_a_tenant_is_configured()
    {
        var validator = CreateValidator(teams => teams.MicrosoftAppTenantId = TabTestToken.TenantB);

        var result = await validator.ValidateAsync(Bearer(Valid()), CancellationToken.None);

        Assert.Equal(TabAuthenticationFailure.WrongIssuer, result.Failure);
    }

    [Fact]
    public async Task Token_of_the_configured_tenant_is_accepted()
    {
        var validator = CreateValidator(teams => teams.MicrosoftAppTenantId = TabTestToken.TenantA);

        var result = await validator.ValidateAsync(Bearer(Valid()), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_key_id_is_refused()
    {
        using var impostor = new TestSigningKey(_entraKey.KeyId, endorsements: null);

        await AssertRefused(TabAuthenticationFailure.BadSignature, "Bearer " + impostor.Sign(Valid().ToDescriptor()));
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_is_refused()
    {
        using var unpublished = new TestSigningKey("never-published", endorsements: null);

        await AssertRefused(TabAuthenticationFailure.UnknownSigningKey, "Bearer " + unpublished.Sign(Valid().ToDescriptor()));
    }

    [Theory]
    [InlineData("User.Read")]
    [InlineData("User.Read access_as_user_extra")]
    [InlineData("Access_As_User")]
    [InlineData(null)] // an app-only token carries roles, not scopes
    public async Task Token_without_the_access_as_user_scope_is_refused(string? scope)
    {
        await AssertRefused(TabAuthenticationFailure.MissingScope, Bearer(Valid() with { Scope = scope }));
    }

    [Fact]
    public async Task Token_with_access_as_user_among_other_scopes_is_accepted()
    {
        var result = await Validate(Bearer(Valid() with { Scope = "User.Read access_as_user" }));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task Token_naming_no_user_is_refused()
    {
        await AssertRefused(TabAuthenticationFailure.NoUser, Bearer(Valid() with { ObjectId = null }));
    }

    [Fact]
    public async Task Request_without_authorization_header_is_refused()
    {
        await AssertRefused(TabAuthenticationFailure.MissingHeader, header: null);
    }

    [Fact]
    public async Task Request_with_another_scheme_is_refused()
    {
        await AssertRefused(TabAuthenticationFailure.NotBearer, "Basic " + _entraKey.Sign(Valid().ToDescriptor()));
    }

    [Fact]
    public async Task Bearer_value_that_is_not_a_jwt_is_refused()
    {
        await AssertRefused(TabAuthenticationFailure.MalformedToken, "Bearer not-a-token");
    }

    [Fact]
    public async Task Refusal_reasons_never_repeat_the_token()
    {
        var bearer = Bearer(Valid() with { Audience = "someone-else" });

        var result = await Validate(bearer);

        Assert.DoesNotContain(bearer["Bearer ".Length..], result.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_the_validator_is_off_and_checks_nothing()
    {
        var validator = CreateValidator(teams => teams.MicrosoftAppId = null);

        Assert.False(validator.IsEnabled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => validator.ValidateAsync(Bearer(Valid()), CancellationToken.None));
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private TabTestToken Valid() => TabTestToken.ValidAt(Now);

    private string Bearer(TabTestToken token) => "Bearer " + _entraKey.Sign(token.ToDescriptor());

    private Task<TabAuthenticationResult> Validate(string? header) =>
        CreateValidator().ValidateAsync(header, CancellationToken.None);

    private async Task AssertRefused(TabAuthenticationFailure expected, string? header)
    {
        var result = await Validate(header);

        Assert.Equal(expected, result.Failure);
    }

    private TabTokenValidator CreateValidator(Action<TeamsOptions>? configureTeams = null, Action<TeamsTabOptions>? configureTab = null)
    {
        var teams = new TeamsOptions { Enabled = true, MicrosoftAppId = TabTestToken.AppId, MicrosoftAppPassword = "not-used-by-the-tab" };
        configureTeams?.Invoke(teams);
        var tab = new TeamsTabOptions
        {
            HostName = TabTestToken.HostName,
            OpenIdMetadataUrl = _login.MetadataUrl, // the loopback server stands in for Entra ID's common metadata
            RequireHttpsMetadata = false,
        };
        configureTab?.Invoke(tab);
        return new TabTokenValidator(
            _services.GetRequiredService<IHttpClientFactory>(), Options.Create(teams), Options.Create(tab), _clock, NullLogger<TabTokenValidator>.Instance);
    }
}
