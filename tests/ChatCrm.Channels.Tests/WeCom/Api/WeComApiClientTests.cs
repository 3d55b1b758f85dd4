using ChatCrm.Channels.WeCom.Api;

namespace ChatCrm.Channels.Tests.WeCom.Api;

public sealed class WeComApiClientTests : IAsyncLifetime
{
    private WeComApiWorld _world = null!;

    public async Task InitializeAsync() => _world = await WeComApiWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_members_code_gives_their_userid()
    {
        var userId = await _world.Api.GetUserIdByCodeAsync(FakeWeComApi.MemberCode, default);

        Assert.Equal("ZhangSan", userId);
        var request = Assert.Single(_world.WeCom.To("auth/getuserinfo"));
        Assert.Equal(("GET", FakeWeComApi.MemberCode, "token-1"), (request.Method, request.Query["code"], request.AccessToken));
    }

    [Fact]
    public async Task The_older_answers_capitalised_UserId_is_read_too()
    {
        _world.WeCom.AnswerNext("auth/getuserinfo", FakeWeComApi.Raw("{\"errcode\":0,\"errmsg\":\"ok\",\"UserId\":\"LiSi\",\"DeviceId\":\"d1\"}"));

        Assert.Equal("LiSi", await _world.Api.GetUserIdByCodeAsync("any-code", default));
    }

    [Theory]
    [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"oVisitor0001\",\"external_userid\":\"wmVisitor0001\"}")]
    [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"OpenId\":\"oVisitor0001\",\"DeviceId\":\"d1\"}")]
    public async Task Someone_who_is_not_a_member_gives_no_userid(string answer)
    {
        _world.WeCom.AnswerNext("auth/getuserinfo", FakeWeComApi.Raw(answer));

        Assert.Null(await _world.Api.GetUserIdByCodeAsync(FakeWeComApi.VisitorCode, default));
    }

    [Fact]
    public async Task A_used_code_throws_with_wecoms_errcode()
    {
        var refused = await Assert.ThrowsAsync<WeComApiException>(() => _world.Api.GetUserIdByCodeAsync("used-code", default));

        Assert.Equal((40029, "invalid code"), (refused.ErrorCode, refused.ErrorMessage));
    }

    [Fact]
    public async Task The_corp_and_agent_tickets_come_from_their_own_operations_and_are_cached()
    {
        var corp = await _world.Api.GetJsApiTicketAsync(default);
        var agent = await _world.Api.GetAgentJsApiTicketAsync(default);
        var corpAgain = await _world.Api.GetJsApiTicketAsync(default);
        var agentAgain = await _world.Api.GetAgentJsApiTicketAsync(default);

        Assert.Equal(("corp-ticket-1", "agent-ticket-1"), (corp, agent));
        Assert.Equal((corp, agent), (corpAgain, agentAgain));
        Assert.Single(_world.WeCom.To("get_jsapi_ticket"));
        Assert.Equal("agent_config", Assert.Single(_world.WeCom.To("ticket/get")).Query["type"]);
    }

    [Fact]
    public async Task A_ticket_is_fetched_again_within_five_minutes_of_expiry()
    {
        await _world.Api.GetAgentJsApiTicketAsync(default);
        _world.Clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var kept = await _world.Api.GetAgentJsApiTicketAsync(default);

        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await _world.Api.GetAgentJsApiTicketAsync(default);

        Assert.Equal(("agent-ticket-1", "agent-ticket-2"), (kept, renewed));
    }

    [Fact]
    public async Task An_external_contact_is_read_from_external_contact()
    {
        var contact = await _world.Api.GetExternalContactAsync(FakeWeComApi.Customer, default);

        Assert.Equal(new WeComExternalContact(FakeWeComApi.Customer, "王总", "华星科技", "采购总监", 2), contact);
        Assert.Equal(FakeWeComApi.Customer, Assert.Single(_world.WeCom.To("externalcontact/get")).Query["external_userid"]);
    }

    [Fact]
    public async Task Someone_wecom_does_not_know_as_an_external_contact_is_null()
    {
        Assert.Null(await _world.Api.GetExternalContactAsync("wmSomeoneElse", default));
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_is_replaced_once_and_the_call_made_again()
    {
        await _world.Api.GetJsApiTicketAsync(default);
        _world.WeCom.ExpireTokens();

        var agent = await _world.Api.GetAgentJsApiTicketAsync(default);

        Assert.Equal("agent-ticket-2", agent);
        Assert.Equal(["token-1", "token-2"], _world.WeCom.To("ticket/get").Select(request => request.AccessToken));
        Assert.Equal(2, _world.WeCom.To("gettoken").Count);
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task A_token_refused_again_after_renewal_is_not_tried_a_third_time(int code)
    {
        _world.WeCom.AnswerNext("get_jsapi_ticket", FakeWeComApi.Error(code, "refused"), FakeWeComApi.Error(code, "refused"));

        var refused = await Assert.ThrowsAsync<WeComApiException>(() => _world.Api.GetJsApiTicketAsync(default));

        Assert.Equal(code, refused.ErrorCode);
        Assert.Equal(2, _world.WeCom.To("get_jsapi_ticket").Count);
        Assert.Equal(2, _world.WeCom.To("gettoken").Count);
    }

    [Fact]
    public async Task Busy_answers_are_retried_on_the_spot()
    {
        _world.WeCom.AnswerNext("get_jsapi_ticket", FakeWeComApi.Error(-1, "system busy"), FakeWeComApi.Error(45009, "api freq out of limit"));

        Assert.Equal("corp-ticket-3", await _world.Api.GetJsApiTicketAsync(default));
    }

    [Fact]
    public async Task The_api_root_is_joined_with_the_path_with_or_without_its_final_slash()
    {
        await using var world = await WeComApiWorld.StartAsync();
        await using var withoutSlash = await WeComApiWorld.StartAsync(options => options.ApiBaseUrl = world.WeCom.ApiBaseUrl.TrimEnd('/'));

        await withoutSlash.Api.GetJsApiTicketAsync(default);

        Assert.Equal(["gettoken", "get_jsapi_ticket"], world.WeCom.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task An_unreachable_api_is_errcode_minus_one()
    {
        await using var world = await WeComApiWorld.StartAsync(options => options.ApiBaseUrl = "http://127.0.0.1:9/cgi-bin/");

        var failed = await Assert.ThrowsAsync<WeComApiException>(() => world.Api.GetJsApiTicketAsync(default));

        Assert.Equal(WeComErrorCodes.SystemBusy, failed.ErrorCode);
        Assert.StartsWith("WeCom gettoken could not be reached", failed.ErrorMessage, StringComparison.Ordinal);
    }
}
