using ChatCrm.Channels.WeCom.Api;

namespace ChatCrm.Channels.Tests.WeCom.Api;

public sealed class WeComAccessTokensTests : IAsyncLifetime
{
    private WeComApiWorld _world = null!;

    public async Task InitializeAsync() => _world = await WeComApiWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_token_is_requested_with_the_corp_id_and_the_apps_secret()
    {
        await _world.Tokens.GetTokenAsync(default);

        var request = Assert.Single(_world.WeCom.Requests);
        Assert.Equal(("GET", "gettoken"), (request.Method, request.Path));
        Assert.Equal(new Dictionary<string, string> { ["corpid"] = FakeWeComApi.CorpId, ["corpsecret"] = FakeWeComApi.Secret }, request.Query);
    }

    [Fact]
    public async Task A_second_call_is_served_from_the_cache()
    {
        var first = await _world.Tokens.GetTokenAsync(default);
        var second = await _world.Tokens.GetTokenAsync(default);

        Assert.Equal((first, 1), (second, _world.WeCom.To("gettoken").Count));
    }

    [Fact]
    public async Task A_token_is_kept_until_five_minutes_before_it_expires()
    {
        await _world.Tokens.GetTokenAsync(default);

        _world.Clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var beforeMargin = await _world.Tokens.GetTokenAsync(default);

        Assert.Equal(("token-1", 1), (beforeMargin, _world.WeCom.To("gettoken").Count));
    }

    [Fact]
    public async Task A_token_is_refreshed_within_five_minutes_of_expiry()
    {
        await _world.Tokens.GetTokenAsync(default);

        _world.Clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5));
        var refreshed = await _world.Tokens.GetTokenAsync(default);

        Assert.Equal(("token-2", 2), (refreshed, _world.WeCom.To("gettoken").Count));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        _world.WeCom.TokenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _world.Tokens.GetTokenAsync(default);
        await _world.WeCom.FirstTokenRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var others = Enumerable.Range(0, 5).Select(_ => _world.Tokens.GetTokenAsync(default)).ToList();

        _world.WeCom.TokenGate.SetResult();
        var tokens = await Task.WhenAll([first, .. others]);

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Single(_world.WeCom.To("gettoken"));
    }

    [Fact]
    public async Task A_forgotten_token_is_fetched_again()
    {
        await _world.Tokens.GetTokenAsync(default);

        _world.Tokens.Forget();

        Assert.Equal("token-2", await _world.Tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task Forgetting_a_refused_token_keeps_one_fetched_since()
    {
        var refused = await _world.Tokens.GetTokenAsync(default);
        _world.Tokens.Forget(refused);
        var fresh = await _world.Tokens.GetTokenAsync(default);

        // A second caller that was refused the same old token arrives late.
        _world.Tokens.Forget(refused);

        Assert.Equal((fresh, 2), (await _world.Tokens.GetTokenAsync(default), _world.WeCom.To("gettoken").Count));
    }

    [Fact]
    public async Task A_refused_secret_throws_with_wecoms_errcode()
    {
        await using var world = await WeComApiWorld.StartAsync(options => options.Secret = "not-the-secret");

        var refused = await Assert.ThrowsAsync<WeComApiException>(() => world.Tokens.GetTokenAsync(default));

        Assert.Equal(WeComErrorCodes.InvalidCredential, refused.ErrorCode);
        Assert.StartsWith("invalid credential", refused.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_answer_that_is_not_json_is_an_unanswered_call()
    {
        _world.WeCom.AnswerNext("gettoken", FakeWeComApi.Status(502), FakeWeComApi.Status(502), FakeWeComApi.Status(502));

        var failed = await Assert.ThrowsAsync<WeComApiException>(() => _world.Tokens.GetTokenAsync(default));

        Assert.Equal((WeComErrorCodes.SystemBusy, "WeCom gettoken answered HTTP 502 Bad Gateway"), (failed.ErrorCode, failed.ErrorMessage));
    }

    // Both travel in query strings. HttpClient's logs redact queries (unless the
    // System.Net.Http.DisableUriRedaction switch is on), and our own lines name the operation only.
    [Fact]
    public async Task Neither_the_secret_nor_a_token_is_ever_logged()
    {
        var token = await _world.Tokens.GetTokenAsync(default);
        _world.WeCom.ExpireTokens();
        await _world.Api.GetJsApiTicketAsync(default);

        Assert.NotEmpty(_world.Logs);
        Assert.DoesNotContain(_world.Logs, line => line.Contains(FakeWeComApi.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(_world.Logs, line => line.Contains(token, StringComparison.Ordinal) || line.Contains("token-2", StringComparison.Ordinal));
    }
}
