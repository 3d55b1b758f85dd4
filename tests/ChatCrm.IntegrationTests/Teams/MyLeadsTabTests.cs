using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Teams.Tab;
using ChatCrm.Endpoints;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The "My leads" tab with Teams authentication off, as in development: the page, and the API
/// naming the CRM user with ?user=.
/// </summary>
public sealed class MyLeadsTabTests
{
    /// <summary>Alice's demo leads, next follow-up soonest first: today, in 2 days, in 5 days, then the unplanned ones.</summary>
    public static readonly string[] AlicesLeadsSoonestFirst = ["王总", "张伟", "John Smith"];

    public static readonly string[] AlicesLeads = ["王总", "李经理", "张伟", "John Smith", "刘女士"];

    private static readonly Dictionary<string, string> TeamsOnWebChatOff = new()
    {
        ["ChatCrm:Teams:Enabled"] = "true",
        ["ChatCrm:WebChat:Enabled"] = "false",
    };

    [Fact]
    public async Task Development_api_lists_the_leads_of_the_user_named_in_the_query()
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var leads = await app.CreateClient().GetFromJsonAsync<MyLeadsView>("/api/tabs/my-leads?user=alice");

        Assert.Equal("alice", leads!.User);
        Assert.Equal(AlicesLeadsSoonestFirst, leads.Leads.Take(3).Select(lead => lead.Name));
        Assert.Equal(AlicesLeads.Order(), leads.Leads.Select(lead => lead.Name).Order());
        Assert.Equal(5, leads.Total);
    }

    [Fact]
    public async Task Development_api_gives_times_on_the_organisations_clock_and_stages_by_name()
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var leads = await app.CreateClient().GetFromJsonAsync<MyLeadsView>("/api/tabs/my-leads?user=alice");

        var wang = leads!.Leads.Single(lead => lead.Name == "王总");
        Assert.Equal("proposal", wang.Stage);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.FromHours(8)), wang.NextFollowUpAt);
        Assert.Equal(TimeSpan.FromHours(8), wang.NextFollowUpAt!.Value.Offset);
        Assert.Equal(new DateOnly(2026, 11, 18), leads.Today);
    }

    [Fact]
    public async Task Development_api_without_a_user_asks_for_one()
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var response = await app.CreateClient().GetAsync("/api/tabs/my-leads");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("?user=", problem["errors"]!["user"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_api_for_an_unknown_user_is_forbidden()
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var response = await app.CreateClient().GetAsync("/api/tabs/my-leads?user=mallory");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_may_be_framed_by_teams_and_microsoft_365_only()
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var response = await app.CreateClient().GetAsync("/tabs/my-leads");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(TeamsTabEndpoints.FrameAncestors, policy);
        foreach (var host in new[] { "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.office.com", "https://outlook.office.com" })
        {
            Assert.Contains(" " + host, policy, StringComparison.Ordinal);
        }

        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/tabs/my-leads.js", "text/javascript")]
    [InlineData("/tabs/my-leads.css", "text/css")]
    public async Task The_pages_script_and_style_are_served_with_the_web_chat_off(string path, string mediaType)
    {
        using var app = new ChatCrmApp(settings: TeamsOnWebChatOff);

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/tabs/my-leads")]
    [InlineData("/api/tabs/my-leads?user=alice")]
    public async Task Without_teams_there_is_no_tab(string path)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:WebChat:Enabled"] = "false" });

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
