using System.Text.Json;
using ChatCrm.Channels.Teams.Auth;

namespace ChatCrm.Channels.Tests.Teams.Auth;

public sealed class BotTokenChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(null, BotAuthenticationFailure.MissingHeader)]
    [InlineData("", BotAuthenticationFailure.MissingHeader)]
    [InlineData("Basic dXNlcjpwYXNz", BotAuthenticationFailure.NotBearer)]
    [InlineData("Bearer", BotAuthenticationFailure.NotBearer)]
    [InlineData("Bearer    ", BotAuthenticationFailure.NotBearer)]
    [InlineData("Bearer a b", BotAuthenticationFailure.NotBearer)]
    [InlineData("eyJhbGciOi", BotAuthenticationFailure.NotBearer)]
    public void Header_without_a_bearer_token_is_refused(string? header, BotAuthenticationFailure expected)
    {
        Assert.Equal(expected, BotTokenChecks.TryReadBearerToken(header, out _));
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("bearer abc.def.ghi")]
    [InlineData("  Bearer abc.def.ghi  ")]
    public void Bearer_token_is_read_whatever_the_scheme_case(string header)
    {
        Assert.Null(BotTokenChecks.TryReadBearerToken(header, out var token));
        Assert.Equal("abc.def.ghi", token);
    }

    [Theory]
    [InlineData("https://api.botframework.com", null, true)]
    [InlineData("https://api.botframework.com", "tenant-1", true)]
    [InlineData("https://sts.windows.net/tenant-1/", "tenant-1", true)]
    [InlineData("https://login.microsoftonline.com/tenant-1/v2.0", "tenant-1", true)]
    [InlineData("https://sts.windows.net/tenant-2/", "tenant-1", false)]
    [InlineData("https://login.microsoftonline.com/tenant-2/v2.0", "tenant-1", false)]
    [InlineData("https://sts.windows.net/tenant-1/", null, false)]
    [InlineData("https://api.botframework.us", null, false)]
    [InlineData("", null, false)]
    [InlineData(null, null, false)]
    public void Issuer_is_bot_framework_or_entra_of_the_configured_tenant(string? issuer, string? tenant, bool accepted)
    {
        Assert.Equal(accepted, BotTokenChecks.IsAcceptedIssuer(issuer, tenant));
    }

    [Theory]
    [InlineData(new[] { "app-1" }, "app-1", true)]
    [InlineData(new[] { "other", "APP-1" }, "app-1", true)]
    [InlineData(new[] { "other" }, "app-1", false)]
    [InlineData(new string[0], "app-1", false)]
    [InlineData(new[] { "" }, "", false)]
    public void Audience_must_be_our_app_id(string[] audiences, string appId, bool accepted)
    {
        Assert.Equal(accepted, BotTokenChecks.IsOurAudience(audiences, appId));
    }

    [Theory]
    [InlineData(-60, 30, true)]
    [InlineData(-60, -4, true)]
    [InlineData(-60, -5, false)]
    [InlineData(-60, -6, false)]
    [InlineData(4, 60, true)]
    [InlineData(6, 60, false)]
    public void Lifetime_allows_five_minutes_of_skew(int notBeforeMinutes, int expiresMinutes, bool accepted)
    {
        var notBefore = Now.AddMinutes(notBeforeMinutes).UtcDateTime;
        var expires = Now.AddMinutes(expiresMinutes).UtcDateTime;

        Assert.Equal(accepted, BotTokenChecks.IsWithinLifetime(notBefore, expires, Now, Skew));
    }

    [Fact]
    public void Token_without_expiry_is_refused()
    {
        Assert.False(BotTokenChecks.IsWithinLifetime(Now.AddMinutes(-1).UtcDateTime, null, Now, Skew));
    }

    [Theory]
    [InlineData(new[] { "msteams", "webchat" }, true)]
    [InlineData(new[] { "webchat" }, false)]
    [InlineData(new[] { "MSTEAMS" }, false)]
    [InlineData(new string[0], false)]
    [InlineData(null, true)]
    public void Key_must_be_endorsed_for_teams_when_endorsements_are_listed(string[]? endorsements, bool accepted)
    {
        Assert.Equal(accepted, BotTokenChecks.IsEndorsedFor(endorsements, "msteams"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/", false)]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", null, false)]
    [InlineData("", "", false)]
    public void Service_url_claim_must_match_the_activity(string? claimed, string? activity, bool accepted)
    {
        Assert.Equal(accepted, BotTokenChecks.IsSameServiceUrl(claimed, activity));
    }

    [Fact]
    public void Endorsements_are_read_from_a_json_array()
    {
        var data = new Dictionary<string, object> { ["endorsements"] = JsonDocument.Parse("""["msteams","webchat"]""").RootElement };

        Assert.Equal(["msteams", "webchat"], BotTokenChecks.ReadEndorsements(data)!);
    }

    [Fact]
    public void Absent_endorsements_read_as_none_listed()
    {
        Assert.Null(BotTokenChecks.ReadEndorsements(new Dictionary<string, object>()));
    }
}
