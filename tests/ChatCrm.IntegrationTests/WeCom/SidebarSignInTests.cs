using System.Net;
using System.Net.Http.Json;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Crypto;
using ChatCrm.Channels.WeCom.Sidebar;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// The sidebar with the WeCom channel on: a member without a session is sent to WeCom's OAuth page
/// and comes back with a code the app exchanges for their userid; the page's JS-SDK registration
/// is signed with the corp's and the app's tickets. WeCom's API is a loopback <see cref="WeComStandIn"/>.
/// </summary>
public sealed class SidebarSignInTests : IAsyncLifetime
{
    private const string CorpId = WeComStandIn.CorpId;
    private const int AgentId = 1000002;

    private WeComStandIn _weCom = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _weCom = await WeComStandIn.StartAsync();
        _app = new ChatCrmApp(settings: WeComOn(_weCom.ApiBaseUrl));
    }

    public static Dictionary<string, string> WeComOn(string apiBaseUrl) => new()
    {
        [$"{WeComOptions.SectionName}:Enabled"] = "true",
        [$"{WeComOptions.SectionName}:CorpId"] = CorpId,
        [$"{WeComOptions.SectionName}:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{WeComOptions.SectionName}:Secret"] = WeComStandIn.Secret,
        [$"{WeComOptions.SectionName}:Token"] = "test-token",
        [$"{WeComOptions.SectionName}:EncodingAesKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
        [$"{WeComOptions.SectionName}:ApiBaseUrl"] = apiBaseUrl,
    };

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _weCom.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_session_the_page_sends_the_member_to_wecom_to_sign_in_silently()
    {
        var response = await new SidebarBrowser(_app).Http.GetAsync("/sidebar?lang=zh");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("https://open.weixin.qq.com/connect/oauth2/authorize?", location, StringComparison.Ordinal);
        Assert.EndsWith("#wechat_redirect", location, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal(CorpId, query["appid"]);
        Assert.Equal("http://localhost/sidebar?lang=zh", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("snsapi_base", query["scope"]);
        Assert.Equal(AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), query["agentid"]);
        Assert.Matches("^[a-f0-9]{32}$", query["state"].ToString());
    }

    [Fact]
    public async Task Coming_back_with_a_code_signs_the_member_in_and_returns_to_the_page_without_it()
    {
        var browser = new SidebarBrowser(_app);
        var state = await StateAsync(browser, "/sidebar?lang=zh");

        var back = await browser.Http.GetAsync($"/sidebar?lang=zh&code={WeComStandIn.CodeFor("alice")}&state={state}");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/sidebar?lang=zh", back.Headers.Location?.OriginalString);
        Assert.Equal([WeComStandIn.CodeFor("alice")], _weCom.ExchangedCodes);
        Assert.Equal("alice", (await browser.LeadAsync()).User);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(back.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_state_this_browser_was_not_given_is_refused_without_asking_wecom()
    {
        var browser = new SidebarBrowser(_app);
        await StateAsync(browser, "/sidebar");

        var back = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.CodeFor("alice")}&state=0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("open the sidebar again", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_weCom.ExchangedCodes);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetLeadAsync()).StatusCode);
    }

    [Fact]
    public async Task A_state_is_good_for_one_return_only()
    {
        var browser = new SidebarBrowser(_app);
        var state = await StateAsync(browser, "/sidebar");
        await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.StrangerCode}&state={state}");

        var again = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.CodeFor("alice")}&state={state}");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal([WeComStandIn.StrangerCode], _weCom.ExchangedCodes);
    }

    [Fact]
    public async Task Someone_outside_the_company_gets_a_polite_page_and_no_session()
    {
        var browser = new SidebarBrowser(_app);
        var state = await StateAsync(browser, "/sidebar");

        var back = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.StrangerCode}&state={state}");

        Assert.Equal(HttpStatusCode.Forbidden, back.StatusCode);
        Assert.Equal("text/html", back.Content.Headers.ContentType?.MediaType);
        var page = await back.Content.ReadAsStringAsync();
        Assert.Contains("只有本企业的成员可以使用", page, StringComparison.Ordinal);
        Assert.Contains("for members of this company only", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetLeadAsync()).StatusCode);
    }

    [Fact]
    public async Task A_code_wecom_refuses_gets_a_page_to_try_again()
    {
        var browser = new SidebarBrowser(_app);
        var state = await StateAsync(browser, "/sidebar");

        var back = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.RefusedCode}&state={state}");

        Assert.Equal(HttpStatusCode.BadGateway, back.StatusCode);
        Assert.Contains("href=\"/sidebar\"", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_cookies_are_secure_http_only_and_same_site_none()
    {
        var browser = new SidebarBrowser(_app, baseAddress: "https://localhost");
        var state = await StateAsync(browser, "/sidebar");

        var back = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.CodeFor("alice")}&state={state}");

        var session = Assert.Single(back.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(SidebarSessions.SessionCookie + "=", StringComparison.Ordinal));
        foreach (var attribute in new[] { "secure", "httponly", "samesite=none", "max-age=28800", "path=/" })
        {
            Assert.Contains(attribute, session, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Jsapi_config_signs_the_page_with_the_corp_ticket_and_the_app_ticket()
    {
        var browser = await SignedInAsync("alice");
        const string page = "http://localhost/sidebar?lang=zh";

        var config = await browser.Http.GetFromJsonAsync<SidebarJsApiConfig>($"/api/sidebar/jsapi-config?url={Uri.EscapeDataString(page + "#top")}");

        Assert.Equal((CorpId, "1000002"), (config!.CorpId, config.AgentId));
        var now = ChatCrmApp.Start.ToUnixTimeSeconds();
        Assert.Equal((now, now), (config.Config.Timestamp, config.AgentConfig.Timestamp));
        Assert.Equal(WeComJsApiSignature.Compute(WeComStandIn.CorpTicket, config.Config.NonceStr, now.ToString(System.Globalization.CultureInfo.InvariantCulture), page), config.Config.Signature);
        Assert.Equal(WeComJsApiSignature.Compute(WeComStandIn.AgentTicket, config.AgentConfig.NonceStr, now.ToString(System.Globalization.CultureInfo.InvariantCulture), page), config.AgentConfig.Signature);
        Assert.NotEqual(config.Config.NonceStr, config.AgentConfig.NonceStr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sidebar")]
    [InlineData("https://evil.example/sidebar")]
    [InlineData("javascript:alert(1)")]
    public async Task Jsapi_config_signs_only_pages_of_this_server(string url)
    {
        var browser = await SignedInAsync("alice");

        var response = await browser.Http.GetAsync($"/api/sidebar/jsapi-config?url={Uri.EscapeDataString(url)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await SidebarBrowser.ProblemAsync(response))["errors"]!["url"]);
    }

    [Fact]
    public async Task Jsapi_config_without_a_session_is_401()
    {
        var response = await new SidebarBrowser(_app).Http.GetAsync("/api/sidebar/jsapi-config?url=http%3A%2F%2Flocalhost%2Fsidebar");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_dev_login_is_off_unless_asked_for()
    {
        var response = await new SidebarBrowser(_app).Http.GetAsync("/sidebar/dev-login?user=alice&contact=wmEXAMPLE");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<SidebarBrowser> SignedInAsync(string userId)
    {
        var browser = new SidebarBrowser(_app);
        var state = await StateAsync(browser, "/sidebar");
        var back = await browser.Http.GetAsync($"/sidebar?code={WeComStandIn.CodeFor(userId)}&state={state}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return browser;
    }

    /// <summary>Opens the page without a session and reads the state WeCom would send back.</summary>
    private static async Task<string> StateAsync(SidebarBrowser browser, string path)
    {
        var toWeCom = await browser.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, toWeCom.StatusCode);
        return QueryHelpers.ParseQuery(toWeCom.Headers.Location!.Query)["state"].ToString();
    }
}
