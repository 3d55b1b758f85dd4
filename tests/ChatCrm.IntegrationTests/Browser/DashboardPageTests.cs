using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatCrm.Channels.Conversation;
using ChatCrm.Endpoints;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// The reports dashboard in a real headless Chromium, for wang, the East team's manager (the web
/// chat is on, so ?user= says who asks): it loads every metric, a period filter changes the
/// numbers, a Details button lists the records behind a number, and the numbers are the chat's.
/// </summary>
public sealed partial class DashboardPageTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>, IAsyncLifetime
{
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

    [Fact(Timeout = 60_000)]
    public async Task A_manager_sees_every_metric_filters_by_period_and_drills_into_the_records()
    {
        await _page.GotoAsync(new Uri(_server.RootUri, "dashboard?user=wang").ToString());

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "报表" })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("截至 2026-11-18 10:00");
        await Expect(_page.Locator(".card")).ToHaveCountAsync(12);
        var newLeads = _page.Locator(".card[data-metric=new_leads]");
        var thisMonth = await newLeads.GetByTestId("value").TextContentAsync();
        Assert.Equal(await ChatNumberAsync("/report new_leads this_month"), thisMonth);
        await Expect(newLeads.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 640);

        await _page.GetByLabel("统计期").SelectOptionAsync("this_week");
        await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("截至 2026-11-18 10:00");
        var thisWeek = await newLeads.GetByTestId("value").TextContentAsync();
        Assert.Equal(await ChatNumberAsync("/report new_leads this_week"), thisWeek);
        await _page.GetByLabel("统计期").SelectOptionAsync("this_year");
        await Expect(newLeads.GetByTestId("value")).Not.ToHaveTextAsync(thisWeek!);
        var thisYear = await newLeads.GetByTestId("value").TextContentAsync();
        Assert.Equal(await ChatNumberAsync("/report new_leads this_year"), thisYear);

        await newLeads.GetByRole(AriaRole.Button).ClickAsync();
        // The cards are regions named by their metric too: the Details panel is the one by its id.
        var details = _page.Locator("#details");
        await Expect(details).ToBeVisibleAsync();
        await Expect(details.GetByRole(AriaRole.Heading)).ToHaveTextAsync("新增线索");
        await Expect(details.Locator("#details-total")).ToHaveAttributeAsync("data-total", thisYear!);
        await Expect(details.Locator("tbody tr")).ToHaveCountAsync(Math.Min(int.Parse(thisYear!, System.Globalization.CultureInfo.InvariantCulture), 10));
        await Expect(details.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(LeadNumber());
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashboard.png"), FullPage = true });
        Assert.True(_scriptErrors.Count == 0, "The page reported errors:\n" + string.Join("\n", _scriptErrors));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_api_refuses_an_unknown_metric_a_team_outside_the_scope_and_no_user()
    {
        using var http = new HttpClient { BaseAddress = _server.RootUri };

        var unknown = await http.GetAsync("api/dashboard/details?user=wang&metric=happiness");
        var outside = await http.GetAsync("api/dashboard?user=alice&team=south");
        var nobody = await http.GetAsync("api/dashboard");
        var stranger = await http.GetAsync("api/dashboard?user=mallory");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden),
            (unknown.StatusCode, outside.StatusCode, nobody.StatusCode, stranger.StatusCode));
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The number the chat answers for the same request (the headline's last word).</summary>
    private async Task<string> ChatNumberAsync(string command)
    {
        using var http = new HttpClient { BaseAddress = _server.RootUri };
        var response = await http.PostAsJsonAsync("api/webchat", new WebChatRequest("wang", "dash", command, null, Guid.NewGuid().ToString("N")));
        var reply = (await response.Content.ReadFromJsonAsync<WebChatResponse>())!.Replies.Single();
        return reply.Text[(reply.Text.LastIndexOf(':') + 1)..];
    }

    [GeneratedRegex(@"^L-\d{8}-\d{4}$")]
    private static partial Regex LeadNumber();
}
