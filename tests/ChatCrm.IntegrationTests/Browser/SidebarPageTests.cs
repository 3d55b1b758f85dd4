using System.Text.RegularExpressions;
using ChatCrm.Channels.WeCom.Sidebar;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// The WeCom chat sidebar in a real headless Chromium, 360 px wide as WeCom's panel, after the
/// development login (which names the chat in the query, so the page never needs WeCom's JS-SDK).
/// The browser's own language is Chinese (zh-CN), so English on screen comes from the CRM user.
/// </summary>
public sealed class SidebarPageTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private const string WeComCdn = "https://wwcdn.weixin.qq.com/";
    private const int PanelWidth = 360;

    private readonly List<string> _scriptErrors = [];
    private readonly List<string> _cdnRequests = [];
    private WebChatServer _server = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _server = new WebChatServer(new Dictionary<string, string> { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" });
        _page = await chromium.OpenPageAsync();
        await _page.SetViewportSizeAsync(PanelWidth, 740);
        _page.PageError += (_, error) => _scriptErrors.Add(error);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _scriptErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        // Nothing here may reach WeCom's CDN: the development page must not need it, and the page
        // that does is answered with a refusal instead of the network.
        await _page.RouteAsync(WeComCdn + "**", async route =>
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
    public async Task Alice_links_a_customer_chat_by_searching_logs_a_follow_up_and_sees_it_listed_in_english()
    {
        await OpenAsync("sidebar/dev-login?user=alice&contact=wmEXAMPLE");
        await Expect(_page).ToHaveURLAsync(new Regex("/sidebar\\?contact=wmEXAMPLE$"));
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("This chat isn't linked to a lead yet.");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Or create a lead" })).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Searchbox, new() { Name = "Name, company or lead number" }).FillAsync("王总");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();

        await Expect(Reply("This chat is now linked to")).ToBeVisibleAsync();
        var lead = _page.GetByRole(AriaRole.Region, new() { Name = "王总" });
        await Expect(lead).ToContainTextAsync("华为");
        await Expect(Fact("Stage")).ToHaveTextAsync("proposal");
        await Expect(Fact("Owner")).ToHaveTextAsync("Alice 李爱丽");

        await _page.GetByRole(AriaRole.Textbox, new() { Name = "Log a follow-up in a sentence" }).FillAsync("Called him today, he likes the quote, follow up next Wednesday");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();

        var logged = Reply("Logged a follow-up with 王总.");
        await Expect(logged).ToBeVisibleAsync();
        await Expect(logged.GetByRole(AriaRole.Button, new() { Name = "Undo" })).ToBeVisibleAsync();
        var followUps = _page.GetByRole(AriaRole.List, new() { Name = "Recent follow-ups" }).GetByRole(AriaRole.Listitem);
        await Expect(followUps.First).ToContainTextAsync("Called him today, he likes the quote, follow up next Wednesday");
        await Expect(followUps.First).ToContainTextAsync("2026-11-18 10:00 · call · Alice 李爱丽");
        await Expect(Fact("Next follow-up")).ToHaveTextAsync("2026-11-25");
        await Expect(_page.GetByRole(AriaRole.Textbox, new() { Name = "Log a follow-up in a sentence" })).ToHaveValueAsync(string.Empty);
        Assert.True(await _page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PanelWidth, "The sidebar scrolls sideways at 360 px.");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sidebar.png"), FullPage = true });
        AssertNoScriptErrors();
        Assert.Empty(_cdnRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_manager_in_chinese_picks_one_of_three_wang_zong_from_the_buttons_for_a_customer_group_and_claims_it_from_the_pool()
    {
        await OpenAsync("sidebar/dev-login?user=wang&group=wrCUSTOMERS01");
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("这个聊天还没有关联线索。");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "关联到已有线索" })).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Searchbox, new() { Name = "客户名、公司或编号" }).FillAsync("王总");
        await _page.GetByRole(AriaRole.Button, new() { Name = "关联", Exact = true }).ClickAsync();

        var question = Reply("有 3 个「王总」");
        await Expect(question.GetByRole(AriaRole.Button)).ToHaveCountAsync(3);
        await question.GetByRole(AriaRole.Button).Filter(new() { HasText = "网易" }).ClickAsync();

        await Expect(Reply("本聊天已关联到")).ToBeVisibleAsync();
        await Expect(Fact("负责人")).ToHaveTextAsync("公海(待认领)");
        await Expect(_page.GetByText("还没有跟进记录。")).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "认领", Exact = true }).ClickAsync();

        await Expect(Reply("已认领")).ToBeVisibleAsync();
        await Expect(Fact("负责人")).ToHaveTextAsync("王经理 Wang");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "认领", Exact = true })).ToBeHiddenAsync();
        AssertNoScriptErrors();
        Assert.Empty(_cdnRequests);
    }

    [Fact(Timeout = 30_000)]
    public async Task With_lang_zh_an_english_speaking_member_reads_chinese()
    {
        await OpenAsync("sidebar/dev-login?user=alice&contact=wmEXAMPLE&lang=zh");

        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("这个聊天还没有关联线索。");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "或者新建线索" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "新建并关联" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Combobox, new() { Name = "阶段" }).Locator("option")).ToHaveTextAsync(
            ["新线索", "已联系", "需求确认", "方案报价", "商务谈判", "赢单", "输单"], new() { UseInnerText = true });
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sidebar-zh.png"), FullPage = true });
        AssertNoScriptErrors();
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_chat_in_the_query_the_page_loads_the_wecom_sdk_and_outside_wecom_says_where_to_open_it()
    {
        await OpenAsync("sidebar/dev-login?user=alice&contact=wmEXAMPLE");
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("This chat isn't linked to a lead yet.");

        await OpenAsync("sidebar");

        // Before it knows the member it speaks the browser's language.
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("请在企业微信里,从客户聊天的工具栏打开 ChatCrm。");
        Assert.Equal(["https://wwcdn.weixin.qq.com/node/open/js/wecom-jssdk-2.0.2.js"], _cdnRequests);
    }

    private async Task OpenAsync(string relative)
    {
        var response = await _page.GotoAsync(new Uri(_server.RootUri, relative).ToString());
        Assert.Equal(200, response!.Status);
    }

    /// <summary>The bot's answer whose sentence starts with <paramref name="textStart"/>.</summary>
    private ILocator Reply(string textStart) =>
        _page.GetByTestId("reply").Filter(new() { Has = _page.Locator(".text", new() { HasTextRegex = new Regex("^" + Regex.Escape(textStart)) }) });

    /// <summary>The value beside a label in the linked lead's facts.</summary>
    private ILocator Fact(string label) => _page.Locator($"#lead dt:text-is('{label}') + dd");

    /// <summary>The page said nothing was wrong: no uncaught exception, no console error, no failed load.</summary>
    private void AssertNoScriptErrors() =>
        Assert.True(_scriptErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _scriptErrors));
}
