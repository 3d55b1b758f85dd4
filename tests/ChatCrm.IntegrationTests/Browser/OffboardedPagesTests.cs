using System.Text.RegularExpressions;
using ChatCrm.Channels.WeCom.Sidebar;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>The sidebar page in a real headless Chromium tells an offboarded member so, instead of "not a user yet".</summary>
public sealed class OffboardedPagesTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
    private WebChatServer _server = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _server = new WebChatServer(new Dictionary<string, string> { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" });
        _page = await chromium.OpenPageAsync();
        // The page must not need WeCom's CDN here.
        await _page.RouteAsync("https://wwcdn.weixin.qq.com/**", route => route.AbortAsync());
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
    public async Task An_offboarded_member_opening_the_sidebar_reads_that_their_account_is_deactivated()
    {
        await _server.SayAsync("admin", "/admin deactivate alice");

        await _page.GotoAsync(new Uri(_server.RootUri, "sidebar/dev-login?user=alice&contact=wmEXAMPLE").ToString());

        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^(你的 ChatCrm 账号已停用|Your ChatCrm account has been deactivated)"));
    }
}
