using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>The web chat API answers bad input clearly and changes nothing.</summary>
public sealed class WebChatApiTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Malformed_json_gets_400_with_problem_details()
    {
        var response = await _app.CreateClient().PostAsync("/api/webchat", new StringContent("{\"user\": \"alice\", \"text\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_request_without_user_gets_a_validation_problem()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/webchat", new { conversation = "c1", text = "help" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"user\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_message_gets_help()
    {
        var reply = Assert.Single(await _app.SayAsync("alice", "   "));

        Assert.NotEmpty(reply.Facts);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_is_refused_and_changes_nothing()
    {
        var text = "新建线索:赵六,13600002222," + new string('长', 10_000);

        var reply = Assert.Single(await _app.SayAsync("alice", text));

        Assert.Contains("太长", reply.Text, StringComparison.Ordinal);
        var audit = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(s => s.Audit.RecentBy("alice", null, ChatCrmApp.Start.AddDays(-1), 10), default);
        Assert.Empty(audit);
    }

    [Fact]
    public async Task The_same_message_id_twice_logs_once_and_says_so()
    {
        var first = await _app.SayAsync("alice", "给王总打了电话,下周一再跟进", id: "m-1");
        var retry = await _app.SayAsync("alice", "给王总打了电话,下周一再跟进", id: "m-1");

        Assert.StartsWith("这条消息已经处理过了", retry[0].Text, StringComparison.Ordinal);
        var lead = first[0].Fact("线索").Split(' ')[0];
        var followUps = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(s => s.FollowUps.ListForLead(lead, 10), default);
        Assert.Equal(2, followUps.Count); // the seeded first contact, and this one
    }

    [Fact]
    public async Task The_demo_users_are_listed_for_the_picker()
    {
        var users = await _app.CreateClient().GetFromJsonAsync<List<WebChatUser>>("/api/webchat/users");

        Assert.Equal(["admin", "alice", "bob", "carol", "chen", "dave", "wang"], users!.Select(user => user.Key).Order());
    }

    [Fact]
    public async Task The_page_is_served_at_the_root()
    {
        var html = await _app.CreateClient().GetStringAsync("/");

        Assert.Contains("chat.js", html, StringComparison.Ordinal);
    }
}
