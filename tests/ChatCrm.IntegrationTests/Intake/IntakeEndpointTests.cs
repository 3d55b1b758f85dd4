using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using ChatCrm.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Intake;

/// <summary>Leads sent to the real endpoint, signed as a source signs them, on the app with a real store and a fake clock.</summary>
public sealed class IntakeEndpointTests : IDisposable
{
    // The engine is off so each answer and the pool stay as intake left them; IntakeToChatTests runs both together.
    private readonly ChatCrmApp _app = new(settings: new Dictionary<string, string>(IntakeClient.Settings) { ["ChatCrm:Assignment:Enabled"] = "false" });
    private readonly IntakeClient _intake;

    public IntakeEndpointTests() => _intake = new IntakeClient(_app);

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    private Task<int> LeadCountAsync() => Store.ReadAsync(session => session.Leads.Count(new LeadQuery()), default);

    private Task<IntakeHourCount> WebformCountsAsync() => Store.ReadAsync(session =>
    {
        var hour = IntakeHourCount.HourOf(_app.Clock.GetUtcNow());
        return session.Intake.HourCounts(hour, hour.AddHours(1)).SingleOrDefault(count => count.SourceKey == "webform") ?? new IntakeHourCount("webform", hour, 0, 0, 0, 0, 0);
    }, default);

    [Fact]
    public async Task A_new_lead_in_json_is_created_and_answered_201_with_its_number_and_assignment_pending()
    {
        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "139 1234 5678", email = "chen@example.com", company = "星河科技", city = "杭州" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!;
        Assert.Matches("^L-20261118-\\d{4}$", answer.Lead);
        Assert.Equal(new IntakeResponse(answer.Lead, false, null, null, "pending", null), answer);
        var lead = (await Store.ReadAsync(session => session.Leads.Find(answer.Lead), default))!;
        Assert.Equal(("陈静", "webform", "east", null, "杭州"), (lead.Name, lead.Source, lead.TeamKey, lead.OwnerKey, lead.Region));
        Assert.Contains(await Store.ReadAsync(session => session.AssignmentRequests.Oldest(50), default), request => request.LeadNumber == answer.Lead);
    }

    [Fact]
    public async Task The_answer_names_its_fields_in_json()
    {
        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["lead", "duplicate", "duplicateOf", "matchedBy", "assignment", "assignedTo"], body.Select(property => property.Key));
    }

    [Fact]
    public async Task A_form_post_with_the_sources_own_field_names_is_taken_and_its_note_kept()
    {
        var response = await _intake.PostFormAsync("webform", [new("name", "Jane Doe"), new("mobile", "+1 415 555 0123"), new("message", "Call me after 5pm"), new("utm_source", "google")]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!.Lead;
        Assert.Equal("+14155550123", (await Store.ReadAsync(session => session.Leads.Find(number), default))!.Phone!.E164);
        var record = Assert.Single(await Store.ReadAsync(session => session.Intake.RecordsForLead(number, 5), default));
        Assert.Equal(("Call me after 5pm", "google"), (record.Note, record.Utm.Source));
    }

    [Fact]
    public async Task A_source_with_mapped_names_fills_its_team_and_tags()
    {
        var response = await _intake.PostJsonAsync("douyin", new Dictionary<string, string> { ["姓名"] = "王强", ["手机"] = "13912340000", ["公司名称"] = "星河" }, secret: IntakeClient.DouyinSecret);

        var number = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!.Lead;
        Assert.Equal(("south", "douyin"), ((await Store.ReadAsync(session => session.Leads.Find(number), default))!.TeamKey, (await Store.ReadAsync(session => session.Leads.Find(number), default))!.Source));
        Assert.Equal(["vip"], (await Store.ReadAsync(session => session.AssignmentRequests.Oldest(50), default)).Single(request => request.LeadNumber == number).Tags);
    }

    [Fact]
    public async Task A_known_customer_is_answered_201_as_a_duplicate_of_their_lead_and_nothing_new_is_created()
    {
        var first = (await (await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" })).Content.ReadFromJsonAsync<IntakeResponse>())!;
        var leads = await LeadCountAsync();

        var response = await _intake.PostFormAsync("webform", [new("name", "陈小姐"), new("mobile", "+86 139-1234-5678")]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new IntakeResponse(first.Lead, true, first.Lead, "phone", "pool", null), await response.Content.ReadFromJsonAsync<IntakeResponse>());
        Assert.Equal(leads, await LeadCountAsync());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_same_answer_and_creates_nothing()
    {
        var first = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, idempotencyKey: "form-42");
        var leads = await LeadCountAsync();

        var retry = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, idempotencyKey: "form-42");

        Assert.Equal((HttpStatusCode.Created, await first.Content.ReadAsStringAsync()), (retry.StatusCode, await retry.Content.ReadAsStringAsync()));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues(IntakeEndpoints.ReplayedHeader)));
        Assert.Equal(leads, await LeadCountAsync());
        Assert.Equal((2, 1, 1), ((await WebformCountsAsync()).Received, (await WebformCountsAsync()).Accepted, (await WebformCountsAsync()).Replayed));
    }

    [Theory]
    [InlineData("{\"phone\":\"13912345678\"}", "name", "is required")]
    [InlineData("{\"name\":\"陈静\",\"phone\":\"12\"}", "phone", "is not a phone number")]
    [InlineData("{\"name\":\"陈静\",\"mobile\":\"12\"}", "mobile", "is not a phone number")]
    [InlineData("{\"name\":\"陈静\",\"email\":\"chen@\"}", "email", "is not an email address")]
    [InlineData("{\"name\":\"陈静\"}", "mobile", "is required when there is no email")]
    [InlineData("{\"name\":\"陈静\"}", "email", "is required when there is no phone")]
    [InlineData("{\"name\":\"陈静\",\"phone\":\"13912345678\",\"consent\":\"perhaps\"}", "consent", "is not yes or no (true/false, 1/0, on/off)")]
    [InlineData("{\"name\":{\"first\":\"静\"},\"phone\":\"13912345678\"}", "name", "must be a single value, not an object or a list")]
    public async Task Fields_that_cannot_make_a_lead_get_400_naming_each_field_and_why(string json, string field, string why)
    {
        var leads = await LeadCountAsync();

        var response = await _intake.PostAsync("webform", Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Contains(why, errors[field]!.AsArray().Select(error => (string?)error));
        Assert.Equal(leads, await LeadCountAsync());
        Assert.Equal(1, (await WebformCountsAsync()).Rejected);
    }

    [Fact]
    public async Task Every_failing_field_is_named_at_once()
    {
        var response = await _intake.PostJsonAsync("webform", new { phone = "12", email = "nope" });

        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["email", "name", "phone"], errors.Select(error => error.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_bad_signature_gets_401_and_nothing_is_stored_but_the_refusal_is_counted()
    {
        var leads = await LeadCountAsync();

        var wrongSecret = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, secret: "someone-elses-secret-0000");
        var noSignature = await _intake.PostAsync("webform", "{\"name\":\"陈静\",\"phone\":\"13912345678\"}"u8.ToArray(), "application/json", signature: "");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongSecret.StatusCode, noSignature.StatusCode));
        Assert.Equal(leads, await LeadCountAsync());
        Assert.Equal((2, 2), ((await WebformCountsAsync()).Received, (await WebformCountsAsync()).Rejected));
    }

    [Fact]
    public async Task A_body_changed_after_signing_gets_401()
    {
        var timestamp = _app.Clock.GetUtcNow().ToUnixTimeSeconds();
        var signed = IntakeSignature.Sign(IntakeClient.WebformSecret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"name\":\"陈静\",\"phone\":\"13912345678\"}"u8);

        var response = await _intake.PostAsync("webform", "{\"name\":\"陈静\",\"phone\":\"13912345679\"}"u8.ToArray(), "application/json", timestamp: timestamp, signature: signed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_timestamp_more_than_five_minutes_off_gets_401_even_when_signed(int secondsOff)
    {
        var response = await _intake.PostAsync(
            "webform", "{\"name\":\"陈静\",\"phone\":\"13912345678\"}"u8.ToArray(), "application/json", timestamp: _app.Clock.GetUtcNow().ToUnixTimeSeconds() + secondsOff);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("timestamp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_within_five_minutes_is_accepted()
    {
        var response = await _intake.PostAsync(
            "webform", "{\"name\":\"陈静\",\"phone\":\"13912345678\"}"u8.ToArray(), "application/json", timestamp: _app.Clock.GetUtcNow().ToUnixTimeSeconds() - 299);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_kb_gets_413_and_is_counted()
    {
        var note = new string('x', IntakeEndpoints.MaxBodyBytes);

        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678", note });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(1, (await WebformCountsAsync()).Rejected);
    }

    [Fact]
    public async Task An_unknown_source_gets_404()
    {
        var response = await _intake.PostJsonAsync("nosuch", new { name = "陈静", phone = "13912345678" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_switched_off_source_gets_403_and_is_counted()
    {
        await _app.SayAsync("admin", "/admin source off webform");
        var leads = await LeadCountAsync();

        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(leads, await LeadCountAsync());
        Assert.Equal(1, (await WebformCountsAsync()).Rejected);
    }

    [Theory]
    [InlineData("text/plain", "name=陈静", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"name\":", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[1,2]", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_json_or_a_form_is_refused_and_counted(string contentType, string body, HttpStatusCode status)
    {
        var response = await _intake.PostAsync("webform", Encoding.UTF8.GetBytes(body), contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, (await WebformCountsAsync()).Rejected);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_gets_400_naming_the_header()
    {
        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, idempotencyKey: new string('k', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![IntakeEndpoints.IdempotencyKeyHeader]);
    }
}
