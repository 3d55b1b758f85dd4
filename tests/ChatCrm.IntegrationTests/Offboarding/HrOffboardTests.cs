using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using ChatCrm.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Offboarding;

/// <summary>HR's system offboards someone through a signed webhook; retries change nothing.</summary>
public sealed class HrOffboardTests : IDisposable
{
    private const string HrSecret = "test-hr-secret-0123456789abcdef";

    private readonly ChatCrmApp _app = new(settings: new Dictionary<string, string> { ["ChatCrm:Offboarding:HrSecret"] = HrSecret });

    public void Dispose() => _app.Dispose();

    private async Task<HttpResponseMessage> PostAsync(ChatCrmApp app, string json, string secret = HrSecret)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/hr/offboard") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(IntakeEndpoints.TimestampHeader, timestamp);
        request.Headers.Add(IntakeEndpoints.SignatureHeader, IntakeSignature.Sign(secret, timestamp, body));
        return await app.CreateClient().SendAsync(request);
    }

    private Task<bool> IsActiveAsync(string user) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.People.FindUser(user)!.IsActive, default);

    [Fact]
    public async Task A_signed_request_offboards_and_says_what_was_done()
    {
        var response = await PostAsync(_app, """{"user": "alice", "leads": "pool"}""");

        var done = (await response.Content.ReadFromJsonAsync<HrOffboardResponse>())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("alice", false, 5, "pool"), (done.User, done.AlreadyDeactivated, done.LeadsMoved, done.LeadsTo));
        Assert.False(await IsActiveAsync("alice"));
    }

    [Fact]
    public async Task A_retry_finds_them_offboarded_and_changes_nothing()
    {
        var first = (await (await PostAsync(_app, """{"user": "alice"}""")).Content.ReadFromJsonAsync<HrOffboardResponse>())!;

        var retry = await PostAsync(_app, """{"user": "alice"}""");

        var again = (await retry.Content.ReadFromJsonAsync<HrOffboardResponse>())!;
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((true, 0, first.DeactivatedAt), (again.AlreadyDeactivated, again.LeadsMoved, again.DeactivatedAt));
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_401_and_changes_nothing()
    {
        var response = await PostAsync(_app, """{"user": "alice"}""", secret: "not-the-hr-secret-000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await IsActiveAsync("alice"));
    }

    [Theory]
    [InlineData("""{"leads": "pool"}""", "user")]
    [InlineData("""{"user": "alice", "leads": "boss"}""", "leads")]
    [InlineData("""not json""", "user")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string json, string field)
    {
        var response = await PostAsync(_app, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
        Assert.True(await IsActiveAsync("alice"));
    }

    [Fact]
    public async Task An_unknown_login_is_404()
    {
        var response = await PostAsync(_app, """{"user": "nobody"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_HR_secret_configured_the_endpoint_is_404()
    {
        using var app = new ChatCrmApp();

        var response = await PostAsync(app, """{"user": "alice"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.People.FindUser("alice")!.IsActive, default));
    }
}
