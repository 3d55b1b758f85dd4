using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// The web chat page in a real headless Chromium against the app on a real port: what a person
/// picks, types and clicks, and what they then see.
/// </summary>
public sealed class WebChatPageTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    /// <summary>chat.js polls the inbox every 3 s; a notice must be on screen within one poll and a bit.</summary>
    private const float WithinOnePoll = 3_000 + 2_500;

    private List<string> _scriptErrors = [];
    private WebChatServer _server = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _server = new WebChatServer();
        _page = await chromium.OpenPageAsync();
        _scriptErrors = HeadlessChromium.ErrorsOf(_page);
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
    public async Task A_salesperson_logs_a_follow_up_sees_what_was_understood_and_undoes_it()
    {
        await _page.GotoAsync(_server.RootUri.ToString());

        var picker = _page.GetByRole(AriaRole.Combobox, new() { Name = "user" });
        await Expect(picker.Locator("option")).ToHaveTextAsync(
        [
            "Admin 管理员 (admin)", "Alice 李爱丽 (salesperson, east)", "Bob 鲍勃 (salesperson, east)", "Carol 卡罗 (salesperson, south)",
            "陈经理 Chen (manager, south)", "Dave 戴维 (salesperson, south)", "王经理 Wang (manager, east)",
        ], new() { UseInnerText = true });
        await Expect(picker).ToHaveValueAsync("alice"); // the page starts as alice when nobody was remembered

        await SayAsync("今天下午给王总打了电话,他对报价很感兴趣,下周三再跟进");

        await Expect(_page.Locator(".bubble.mine")).ToHaveTextAsync("今天下午给王总打了电话,他对报价很感兴趣,下周三再跟进");
        var logged = Reply("已记录对 王总 的跟进。");
        await Expect(logged).ToBeVisibleAsync();
        await Expect(Fact(logged, "方式")).ToHaveTextAsync("电话");
        await Expect(Fact(logged, "意向")).ToHaveTextAsync("高");
        await Expect(Fact(logged, "下次跟进")).ToHaveTextAsync("2026-11-25");
        await Expect(Fact(logged, "线索")).ToContainTextAsync("华为");
        var lead = (await Fact(logged, "线索").InnerTextAsync()).Split(' ')[0];

        await logged.GetByRole(AriaRole.Button, new() { Name = "撤销", Exact = true }).ClickAsync();

        await Expect(_page.Locator(".bubble.mine").Last).ToHaveTextAsync("▶ 撤销");
        var undone = Reply("已撤销");
        await Expect(undone).ToBeVisibleAsync();
        await Expect(undone.Locator(".text")).ToContainTextAsync(lead);
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "webchat.png"), FullPage = true });
        AssertNoScriptErrors();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_manager_naming_one_of_three_wang_zong_picks_one_from_buttons_and_it_is_logged()
    {
        await _page.GotoAsync(_server.RootUri.ToString());
        var picker = _page.GetByRole(AriaRole.Combobox, new() { Name = "user" });
        await Expect(picker).ToHaveValueAsync("alice");
        await picker.SelectOptionAsync("wang");

        await SayAsync("给王总打了电话");

        var question = Reply("有 3 个「王总」");
        await Expect(question).ToBeVisibleAsync();
        var choices = question.GetByRole(AriaRole.Button);
        await Expect(choices).ToHaveCountAsync(3);
        foreach (var company in new[] { "华为", "腾讯", "网易" })
        {
            await Expect(choices.Filter(new() { HasText = company })).ToHaveCountAsync(1);
        }

        await choices.Filter(new() { HasText = "网易" }).ClickAsync();

        await Expect(_page.Locator(".bubble.mine").Last).ToContainTextAsync("▶ 王总 · 网易");
        var logged = Reply("已记录对 王总 的跟进。");
        await Expect(logged).ToBeVisibleAsync();
        await Expect(Fact(logged, "线索")).ToContainTextAsync("网易");
        await Expect(Fact(logged, "方式")).ToHaveTextAsync("电话");
        AssertNoScriptErrors();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_lead_transferred_by_a_colleague_appears_on_the_new_owners_open_page_unprompted()
    {
        await _page.GotoAsync(_server.RootUri.ToString());
        var picker = _page.GetByRole(AriaRole.Combobox, new() { Name = "user" });
        await Expect(picker).ToHaveValueAsync("alice");
        // Switching user polls bob's inbox at once; let that poll finish empty, so that what comes
        // later can only come from the page's timer.
        var firstPoll = await _page.RunAndWaitForResponseAsync(() => picker.SelectOptionAsync("bob"), response => response.Url.EndsWith("/api/webchat/inbox?user=bob", StringComparison.Ordinal));
        Assert.Equal("{\"replies\":[]}", await firstPoll.TextAsync());

        var transferred = Assert.Single(await _server.SayAsync("alice", "把张伟转给bob跟进"));
        Assert.Equal("bob", transferred.Facts.Single(fact => fact.Label == "负责人").Value);

        // Bob typed nothing: the notice comes from the page's own inbox poll. Bob reads English.
        var notice = _page.Locator(".bubble.notice").Filter(new() { HasText = "alice transferred lead" });
        await Expect(notice).ToBeVisibleAsync(new() { Timeout = WithinOnePoll });
        await Expect(notice).ToContainTextAsync("张伟");
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(_page.Locator(".bubble.mine")).ToHaveCountAsync(0);
        AssertNoScriptErrors();
    }

    /// <summary>The page said nothing was wrong: no uncaught exception, no console error, no failed load.</summary>
    private void AssertNoScriptErrors() =>
        Assert.True(_scriptErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _scriptErrors));

    private async Task SayAsync(string text)
    {
        await _page.GetByRole(AriaRole.Textbox, new() { Name = "message" }).FillAsync(text);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    /// <summary>The bot's bubble whose sentence starts with <paramref name="textStart"/>.</summary>
    private ILocator Reply(string textStart) =>
        _page.GetByTestId("reply").Filter(new() { Has = _page.Locator(".text", new() { HasTextRegex = new Regex("^" + Regex.Escape(textStart)) }) });

    /// <summary>The value cell beside a label in a reply's facts table.</summary>
    private static ILocator Fact(ILocator reply, string label) =>
        reply.Locator("table.facts tr")
            .Filter(new() { Has = reply.Page.Locator("th", new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + "$") }) })
            .Locator("td");
}
