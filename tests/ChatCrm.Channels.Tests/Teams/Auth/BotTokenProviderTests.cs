using System.Net;
using ChatCrm.Channels.Teams.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Channels.Tests.Teams.Auth;

public sealed class BotTokenProviderTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "s3cret~value";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeTokenEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Token_is_requested_with_the_client_credentials_form()
    {
        await CreateProvider().GetTokenAsync(CancellationToken.None);

        Assert.True(_endpoint.Forms.TryPeek(out var form));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = TestToken.AppId,
                ["client_secret"] = Secret,
                ["scope"] = "https://api.botframework.com/.default",
            },
            form);
    }

    [Fact]
    public async Task Second_call_is_served_from_the_cache()
    {
        var provider = CreateProvider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal((first, 1), (second, _endpoint.Requests));
    }

    [Fact]
    public async Task Token_is_kept_until_five_minutes_before_expiry()
    {
        var provider = CreateProvider();
        await provider.GetTokenAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromSeconds(1));
        var beforeMargin = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("token-1", 1), (beforeMargin, _endpoint.Requests));
    }

    [Fact]
    public async Task Token_is_refreshed_within_five_minutes_of_expiry()
    {
        var provider = CreateProvider();
        await provider.GetTokenAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(55));
        var refreshed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(("token-2", 2), (refreshed, _endpoint.Requests));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        var provider = CreateProvider();
        _endpoint.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 8).Select(_ => provider.GetTokenAsync(CancellationToken.None)).ToArray();
        await _endpoint.FirstRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _endpoint.Gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, _endpoint.Requests);
        Assert.All(tokens, token => Assert.Equal("token-1", token));
    }

    [Fact]
    public async Task Refusal_surfaces_status_and_oauth_error_without_the_secret()
    {
        _endpoint.Answer = _ => Results.Json(
            new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." },
            statusCode: StatusCodes.Status401Unauthorized);

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => CreateProvider().GetTokenAsync(CancellationToken.None));

        Assert.Equal(
            (HttpStatusCode.Unauthorized, "invalid_client", "AADSTS7000215: Invalid client secret provided.", false),
            (failure.StatusCode, failure.Error, failure.ErrorDescription, failure.Message.Contains(Secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Answer_without_an_access_token_is_a_failure()
    {
        _endpoint.Answer = _ => Results.Json(new { token_type = "Bearer" });

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => CreateProvider().GetTokenAsync(CancellationToken.None));

        Assert.Equal("invalid_response", failure.Error);
    }

    [Fact]
    public async Task Failed_request_is_retried_by_the_next_caller()
    {
        var provider = CreateProvider();
        _endpoint.Answer = number => number == 1
            ? Results.Json(new { error = "temporarily_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new { expires_in = 3600, access_token = $"token-{number}" });
        await Assert.ThrowsAsync<BotTokenException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
    }

    private BotTokenProvider CreateProvider() => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new TeamsOptions { MicrosoftAppId = TestToken.AppId, MicrosoftAppPassword = Secret, TokenEndpoint = _endpoint.TokenUrl }),
        _clock,
        NullLogger<BotTokenProvider>.Instance);
}
