using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Teams.Tab;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The "My leads" tab with Teams authentication on: the API takes the Teams SSO token the page gets
/// from Teams, checked against keys published by a loopback stand-in for Entra ID.
/// </summary>
public sealed class MyLeadsTabSignInTests : IAsyncLifetime
{
    private const string AliceObjectId = "00000000-0000-0000-0000-0000000a11ce";
    private EntraStandIn _entra = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _entra = await EntraStandIn.StartAsync();
        _app = new ChatCrmApp(settings: _entra.AppSettings);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _entra.DisposeAsync();
    }

    [Fact]
    public async Task Alices_teams_token_lists_alices_leads()
    {
        var response = await GetAsync("/api/tabs/my-leads", _entra.TokenFor(AliceObjectId, _app.Clock.GetUtcNow()));
        var leads = await response.Content.ReadFromJsonAsync<MyLeadsView>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", leads!.User);
        Assert.Equal(MyLeadsTabTests.AlicesLeadsSoonestFirst, leads.Leads.Take(3).Select(lead => lead.Name));
        Assert.Equal(MyLeadsTabTests.AlicesLeads.Order(), leads.Leads.Select(lead => lead.Name).Order());
    }

    [Fact]
    public async Task With_sign_in_on_the_user_query_is_ignored()
    {
        var response = await GetAsync("/api/tabs/my-leads?user=bob", _entra.TokenFor(AliceObjectId, _app.Clock.GetUtcNow()));
        var leads = await response.Content.ReadFromJsonAsync<MyLeadsView>();

        Assert.Equal("alice", leads!.User);
    }

    [Fact]
    public async Task A_teams_user_who_is_not_a_crm_user_is_told_to_ask_the_admin()
    {
        var response = await GetAsync("/api/tabs/my-leads", _entra.TokenFor("0f0f0f0f-0000-4000-8000-0000000000ff", _app.Clock.GetUtcNow()));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("admin", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_reason()
    {
        var response = await GetAsync("/api/tabs/my-leads?user=alice", token: null);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("No Authorization header.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = _entra.TokenFor(AliceObjectId, _app.Clock.GetUtcNow());
        _app.Clock.Advance(TimeSpan.FromHours(2));

        var response = await GetAsync("/api/tabs/my-leads", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _app.CreateClient().SendAsync(request);
    }
}
