using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// One member's browser on the sidebar: its own cookies, no automatic redirects, and the calls the
/// page makes, for the chat it sits beside.
/// </summary>
public sealed class SidebarBrowser(ChatCrmApp app, string context = SidebarBrowser.Contact, string baseAddress = "http://localhost")
{
    public const string Contact = "contact:wmEXAMPLE";

    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public string Context { get; } = context;

    /// <summary>Signs in with the development login as this WeCom userid, for <see cref="Context"/>.</summary>
    public async Task<HttpResponseMessage> DevLoginAsync(string userId)
    {
        var chat = SidebarContext.Parse(Context)!;
        var response = await Http.GetAsync($"/sidebar/dev-login?user={userId}&{chat.Kind}={chat.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    public Task<HttpResponseMessage> GetLeadAsync() => Http.GetAsync($"/api/sidebar/lead?context={Uri.EscapeDataString(Context)}");

    public async Task<SidebarView> LeadAsync()
    {
        var response = await GetLeadAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SidebarView>())!;
    }

    /// <summary>Presses a button of the page, or one the bot offered in a reply.</summary>
    public Task<IReadOnlyList<ChatReply>> ActAsync(IReadOnlyDictionary<string, string> action, string? id = null) =>
        TurnAsync(new SidebarTurnRequest(Context, null, new Dictionary<string, string>(action), id ?? NewId()));

    /// <summary>Types a follow-up in a sentence.</summary>
    public Task<IReadOnlyList<ChatReply>> LogAsync(string text, string? id = null) =>
        TurnAsync(new SidebarTurnRequest(Context, text, null, id ?? NewId()));

    public async Task<IReadOnlyList<ChatReply>> TurnAsync(SidebarTurnRequest request)
    {
        var response = await Http.PostAsJsonAsync("/api/sidebar/turn", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SidebarTurnResponse>())!.Replies;
    }

    public static Dictionary<string, string> Action(string intent, params (string Key, string Value)[] values)
    {
        var action = new Dictionary<string, string> { [IntentPayload.IntentKey] = intent };
        foreach (var (key, value) in values)
        {
            action[key] = value;
        }

        return action;
    }

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
