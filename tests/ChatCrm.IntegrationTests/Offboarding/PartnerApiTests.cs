using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Core.Access;
using ChatCrm.Core.Partners;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using ChatCrm.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Offboarding;

/// <summary>
/// A partner calls the partner API with a key an admin made in chat: signed requests, scopes,
/// the partner user's rights, revocation, offboarding and the rate limit per key.
/// </summary>
public sealed class PartnerApiTests : IDisposable
{
    private readonly ChatCrmApp _app = new(settings: new Dictionary<string, string> { ["ChatCrm:Partners:PermitPerMinute"] = "5" });

    public PartnerApiTests() =>
        // A partner who may read and work east's leads: the partner position grants nothing, an admin grants the rest.
        Store.WriteAsync(session =>
        {
            session.People.Save(new User("acme", "Acme 服务商", Role.Salesperson, "east", [], "zh", null, DefaultPositions.Partner, null,
                new Dictionary<Permission, AccessScope> { [Permission.View] = AccessScope.Team, [Permission.Edit] = AccessScope.Team }));
            return true;
        }, default).GetAwaiter().GetResult();

    public void Dispose() => _app.Dispose();

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    private async Task<string> KeyAsync(string scopes = PartnerScopes.LeadStatusRead) =>
        Assert.Single(await _app.SayAsync("admin", $"/admin partner key add acme {scopes}")).Fact("密钥");

    private Task<string> LeadOfAsync(string owner) =>
        Store.ReadAsync(session => session.Leads.List(new LeadQuery { OwnerKey = owner, Limit = 1 })[0].Number, default);

    /// <summary>Sends a request as a partner's client does: the key, the timestamp and the signature over method, path and body.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string body = "", string? signingKey = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = _app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new("application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(PartnerEndpoints.KeyHeader, key);
            var signing = signingKey ?? PartnerKey.SigningKeyOf(key.Split('.')[1]);
            request.Headers.Add(IntakeEndpoints.TimestampHeader, timestamp);
            request.Headers.Add(IntakeEndpoints.SignatureHeader, IntakeSignature.Sign(signing, timestamp, PartnerEndpoints.SignedContent(method.Method, path, bytes)));
        }

        return await _app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_signed_request_reads_the_contract_status_without_contacts()
    {
        var number = await LeadOfAsync("alice");

        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{number}/status", await KeyAsync());

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(number, status["lead"]!.GetValue<string>());
        Assert.Equal(["amount", "currency", "lead", "lost", "stage", "updatedAt", "won"], status.Select(pair => pair.Key).Order());
        Assert.DoesNotContain("138", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_onboards_a_partner_in_chat_and_its_key_reads_exactly_the_leads_granted()
    {
        await _app.SayAsync("admin", "/admin user add globex Globex服务商 team=east position=partner");
        await _app.SayAsync("admin", "/admin user grant globex view team");
        var key = Assert.Single(await _app.SayAsync("admin", "/admin partner key add globex lead.status.read")).Fact("密钥");

        var east = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("alice")}/status", key);
        var south = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("carol")}/status", key);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (east.StatusCode, south.StatusCode));
    }

    [Fact]
    public async Task A_lead_beyond_the_partners_rights_is_404_as_if_it_did_not_exist()
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("carol")}/status", await KeyAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task No_key_is_401()
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("alice")}/status", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_signature_made_with_the_key_itself_instead_of_the_derived_signing_key_is_401()
    {
        var key = await KeyAsync();

        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("alice")}/status", key, signingKey: key.Split('.')[1]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_endpoints_scope_is_403()
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/partner/leads/{await LeadOfAsync("alice")}/followups", await KeyAsync(), """{"summary": "回访"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_key_with_followup_write_logs_a_follow_up_as_the_partner_user()
    {
        var key = await KeyAsync(PartnerScopes.FollowUpWrite);
        var number = await LeadOfAsync("alice");

        var created = await SendAsync(HttpMethod.Post, $"/api/partner/leads/{number}/followups", key, """{"summary": "安装完成,客户满意", "channel": "visit"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var followUps = await Store.ReadAsync(session => session.FollowUps.ListForLead(number, 10), default);
        Assert.Equal(("acme", "安装完成,客户满意"), (followUps[0].AuthorKey, followUps[0].Summary));
    }

    [Fact]
    public async Task A_revoked_key_is_401()
    {
        var key = await KeyAsync();
        await _app.SayAsync("admin", $"/admin partner key revoke {key.Split('.')[0]}");

        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("alice")}/status", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_of_a_deactivated_partner_user_is_401()
    {
        var key = await KeyAsync();
        await Store.WriteAsync(session =>
        {
            session.People.Save(session.People.FindUser("acme")! with { DeactivatedAt = _app.Clock.GetUtcNow() });
            return true;
        }, default);

        var response = await SendAsync(HttpMethod.Get, $"/api/partner/leads/{await LeadOfAsync("alice")}/status", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Past_the_keys_rate_the_answer_is_429_with_retry_after()
    {
        var key = await KeyAsync();
        var path = $"/api/partner/leads/{await LeadOfAsync("alice")}/status";
        for (var allowed = 0; allowed < 5; allowed++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, path, key)).StatusCode);
        }

        var limited = await SendAsync(HttpMethod.Get, path, key);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Requests_with_a_wrong_key_do_not_spend_the_real_keys_budget()
    {
        var key = await KeyAsync();
        var path = $"/api/partner/leads/{await LeadOfAsync("alice")}/status";
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await SendAsync(HttpMethod.Get, path, key.Split('.')[0] + "." + new string('0', 64));
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, path, key)).StatusCode);
    }

    [Fact]
    public async Task The_admin_lists_keys_without_their_secrets()
    {
        var key = await KeyAsync();

        var list = Assert.Single(await _app.SayAsync("admin", "/admin partner key list"));

        var line = Assert.Single(list.Facts);
        Assert.StartsWith(key.Split('.')[0], line.Label, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[1], line.Label + line.Value, StringComparison.Ordinal);
    }
}
