using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// The Teams "My leads" tab page in a real headless Chromium, opened outside Teams as in
/// development (Teams on, its sign-in off, ?user= naming the CRM user). The browser's own
/// language is Chinese (zh-CN), so English on screen comes from the CRM user's setting.
/// </summary>
public sealed class MyLeadsPageTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private const string TeamsCdn = "https://res.cdn.office.net/";

    private readonly List<string> _scriptErrors = [];
    private readonly List<string> _cdnRequests = [];
    private WebChatServer _server = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _server = new WebChatServer(new Dictionary<string, string> { ["ChatCrm:Teams:Enabled"] = "true" });
        _page = await chromium.OpenPageAsync();
        _page.PageError += (_, error) => _scriptErrors.Add(error);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _scriptErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        // Nothing here may reach Microsoft's CDN: the development page must not need it, and the
        // page that does is answered with a refusal instead of the network.
        await _page.RouteAsync(TeamsCdn + "**", async route =>
        {
            _cdnRequests.Add(route.Request.Url);
            await route.AbortAsync();
        });
    }

    public async Task DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.Context.CloseAsync();
        }

        _server?.Dispose();
    }

    [Fact(Timeout = 30_000)]
    public async Task Alice_sees_her_leads_in_english_soonest_follow_up_first()
    {
        await OpenAsync("tabs/my-leads?user=alice");

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My leads" })).ToBeVisibleAsync();
        var table = _page.GetByRole(AriaRole.Table, new() { Name = "My leads" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Lead", "Name", "Company", "Stage", "Next follow-up", "Last follow-up"]);
        var rows = table.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("王总");
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("2026-11-18today");
        var smith = rows.Filter(new() { HasText = "John Smith" });
        await Expect(smith.Locator("td")).ToHaveTextAsync([new Regex("^L-\\d{8}-\\d{4}$"), new("^John Smith$"), new("^Acme Corp$"), new("^negotiation$"), new("^2026-11-23$"), new("^2026-11-15 ")]);
        await Expect(rows.Filter(new() { HasText = "刘女士" }).Locator("td").Nth(5)).ToHaveTextAsync("none yet");
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("5 leads, soonest follow-up first.");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "my-leads.png"), FullPage = true });
        AssertNoScriptErrors();
        Assert.Empty(_cdnRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task With_lang_zh_the_page_speaks_chinese()
    {
        await OpenAsync("tabs/my-leads?user=alice&lang=zh");

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "我的线索" })).ToBeVisibleAsync();
        var wang = _page.Locator("tbody tr").Filter(new() { HasText = "华为" });
        await Expect(wang.Locator("td").Nth(3)).ToHaveTextAsync("方案报价");
        await Expect(wang.Locator("td").Nth(4)).ToHaveTextAsync("2026-11-18今天");
        await Expect(_page.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["编号", "客户", "公司", "阶段", "下次跟进", "上次跟进"]);
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("共 5 条线索,下次跟进最近的在前。");
        AssertNoScriptErrors();
        Assert.Empty(_cdnRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task Someone_who_is_not_a_crm_user_is_told_to_ask_the_admin()
    {
        await OpenAsync("tabs/my-leads?user=mallory");

        // No CRM language to go by: the browser's (Chinese) decides.
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("抱歉,你还不是 ChatCrm 的用户,请联系管理员开通。");
        await Expect(_page.GetByRole(AriaRole.Table)).ToBeHiddenAsync();
        Assert.Empty(_cdnRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_user_the_page_loads_the_teams_sdk_and_outside_teams_says_where_to_open_it()
    {
        await OpenAsync("tabs/my-leads");

        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("请在 Teams 的 ChatCrm 应用里打开这一页。");
        Assert.Equal(["https://res.cdn.office.net/teams-js/2.58.0/js/MicrosoftTeams.min.js"], _cdnRequests);
    }

    private async Task OpenAsync(string relative)
    {
        var response = await _page.GotoAsync(new Uri(_server.RootUri, relative).ToString());
        Assert.Equal(200, response!.Status);
    }

    /// <summary>The page said nothing was wrong: no uncaught exception, no console error, no failed load.</summary>
    private void AssertNoScriptErrors() =>
        Assert.True(_scriptErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _scriptErrors));
}
