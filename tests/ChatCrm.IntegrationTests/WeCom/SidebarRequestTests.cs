using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Access;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ChatCrm.IntegrationTests.WeCom.SidebarBrowser;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// The sidebar's development login and its API's refusals: no session is a 401, bad input a 400
/// with problem details, and neither changes anything.
/// </summary>
public sealed class SidebarRequestTests : IDisposable
{
    private static readonly Dictionary<string, string> DevLoginOn = new() { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" };

    private readonly ChatCrmApp _app = new(settings: DevLoginOn);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Dev_login_signs_in_with_an_http_only_cookie_and_opens_the_page_for_that_chat()
    {
        var browser = new SidebarBrowser(_app);

        var login = await browser.DevLoginAsync("alice");

        Assert.Equal("/sidebar?contact=wmEXAMPLE", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), value => value.StartsWith(SidebarSessions.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=28800", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await browser.Http.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("sidebar/sidebar.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sidebar/dev-login?contact=wmEXAMPLE")]
    [InlineData("/sidebar/dev-login?user=alice")]
    [InlineData("/sidebar/dev-login?user=alice&contact=wmEXAMPLE&group=wrGROUP")]
    [InlineData("/sidebar/dev-login?user=alice&contact=wm%20EXAMPLE")]
    [InlineData("/sidebar/dev-login?user=al%20ice&contact=wmEXAMPLE")]
    [InlineData("/sidebar/dev-login?user=alice&contact=wmEXAMPLE&lang=fr")]
    public async Task Dev_login_without_a_user_and_one_chat_is_a_validation_problem_and_signs_nobody_in(string path)
    {
        var browser = new SidebarBrowser(_app);

        var response = await browser.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ProblemAsync(response))["errors"]);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_a_session_the_page_says_where_to_open_it()
    {
        var response = await new SidebarBrowser(_app).Http.GetAsync("/sidebar");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("customer chat in WeCom", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_lead_api_is_401()
    {
        var response = await new SidebarBrowser(_app).GetLeadAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (int)(await ProblemAsync(response))["status"]!);
    }

    [Fact]
    public async Task Without_a_session_the_turn_api_is_401_and_changes_nothing()
    {
        var response = await new SidebarBrowser(_app).Http.PostAsJsonAsync("/api/sidebar/turn", new { context = Contact, id = "r1", action = Action("link_chat", ("lead", "华为")) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await LinkAsync("alice"));
    }

    [Fact]
    public async Task A_forged_session_cookie_is_401()
    {
        var browser = new SidebarBrowser(_app);
        browser.Http.DefaultRequestHeaders.Add("Cookie", $"{SidebarSessions.SessionCookie}=CfDJ8forged");

        var response = await browser.GetLeadAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_eight_hours()
    {
        var browser = new SidebarBrowser(_app);
        await browser.DevLoginAsync("alice");
        _app.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetLeadAsync()).StatusCode);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetLeadAsync()).StatusCode);
    }

    [Fact]
    public async Task A_member_who_is_no_crm_user_is_forbidden_and_given_the_line_for_the_admin()
    {
        var browser = new SidebarBrowser(_app);
        await browser.DevLoginAsync("mallory");

        var response = await browser.GetLeadAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/admin user link <login> wecom mallory", (string?)(await ProblemAsync(response))["adminLine"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("contact:")]
    [InlineData("customer:wmEXAMPLE")]
    [InlineData("contact:wm EXAMPLE")]
    [InlineData("wmEXAMPLE")]
    public async Task The_lead_api_refuses_a_malformed_chat(string context)
    {
        var browser = new SidebarBrowser(_app, context);
        browser.Http.DefaultRequestHeaders.Add("Cookie", await SessionCookieAsync("alice"));

        var response = await browser.GetLeadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ProblemAsync(response))["errors"]!["context"]);
    }

    public static TheoryData<string, string> BadTurns => new()
    {
        { "no chat", """{"id": "r1", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "a malformed chat", """{"context": "contact:wm EXAMPLE", "id": "r1", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "another kind of chat", """{"context": "user:wmEXAMPLE", "id": "r1", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "no id", """{"context": "contact:wmEXAMPLE", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "an id too long", $$$"""{"context": "contact:wmEXAMPLE", "id": "{{{new string('x', 101)}}}", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "text and action", """{"context": "contact:wmEXAMPLE", "id": "r1", "text": "打了电话", "action": {"do": "link_chat", "lead": "华为"}}""" },
        { "neither text nor action", """{"context": "contact:wmEXAMPLE", "id": "r1"}""" },
        { "an action without a request", """{"context": "contact:wmEXAMPLE", "id": "r1", "action": {"lead": "华为"}}""" },
        { "an unknown request", """{"context": "contact:wmEXAMPLE", "id": "r1", "action": {"do": "delete_everything"}}""" },
        { "an unknown stage", """{"context": "contact:wmEXAMPLE", "id": "r1", "action": {"do": "create_lead", "name": "赵六", "stage": "bogus"}}""" },
        { "a field too long", $$$"""{"context": "contact:wmEXAMPLE", "id": "r1", "action": {"do": "create_lead", "name": "{{{new string('长', 2001)}}}"}}""" },
        { "not JSON", """{"context": "contact:wmEXAMPLE", "id": """ },
    };

    [Theory]
    [MemberData(nameof(BadTurns))]
    public async Task A_bad_turn_is_a_400_with_problem_details_and_changes_nothing(string what, string body)
    {
        var browser = new SidebarBrowser(_app);
        await browser.DevLoginAsync("alice");

        var response = await browser.Http.PostAsync("/api/sidebar/turn", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        await ProblemAsync(response);
        var audit = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Audit.RecentBy("alice", null, ChatCrmApp.Start.AddDays(-1), 10), default);
        Assert.Equal([RecordSignIn.SidebarSignIn], audit.Select(entry => entry.Action));
        Assert.Null(await LinkAsync("alice"));
    }

    [Theory]
    [InlineData("/sidebar/sidebar.js", "text/javascript")]
    [InlineData("/sidebar/sidebar.css", "text/css")]
    public async Task The_pages_script_and_style_are_served_with_the_web_chat_off(string path, string mediaType)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>(DevLoginOn) { ["ChatCrm:WebChat:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/sidebar")]
    [InlineData("/sidebar/dev-login?user=alice&contact=wmEXAMPLE")]
    [InlineData("/api/sidebar/lead?context=contact:wmEXAMPLE")]
    public async Task With_wecom_and_the_dev_login_off_there_is_no_sidebar(string path)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:WebChat:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_dev_login_being_on_is_logged_at_start()
    {
        var logs = new CapturedLogs();
        using var app = new ChatCrmApp(settings: DevLoginOn, services: services => services.AddSingleton<ILoggerProvider>(logs));

        app.CreateClient();

        Assert.Contains(logs.Warnings, warning => warning.StartsWith("The WeCom sidebar's development login is ON", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dev_login_refuses_to_start_in_production()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>(DevLoginOn) { ["environment"] = "Production" });

        var refusal = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains($"{SidebarOptions.SectionName}:DevLogin", refusal.Message, StringComparison.Ordinal);
    }

    private Task<Core.Conversations.ConversationLink?> LinkAsync(string userId) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Conversations.FindLink($"wecom:{userId}:{Contact}"), default);

    private async Task<string> SessionCookieAsync(string userId)
    {
        var login = await new SidebarBrowser(_app).DevLoginAsync(userId);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(SidebarSessions.SessionCookie + "=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
