using System.ComponentModel.DataAnnotations;
using ChatCrm.Channels.Teams.Tab;

namespace ChatCrm.Channels.Tests.Teams.Tab;

public sealed class TabTokenChecksTests
{
    private const string Tenant = TabTestToken.TenantA;

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + Tenant + "/v2.0", Tenant, null, true)]
    [InlineData("https://login.microsoftonline.com/" + Tenant + "/v2.0", Tenant, Tenant, true)]
    [InlineData("https://login.microsoftonline.com/" + Tenant + "/v2.0", Tenant, TabTestToken.TenantB, false)]
    [InlineData("https://login.microsoftonline.com/" + TabTestToken.TenantB + "/v2.0", Tenant, null, false)]
    [InlineData("https://sts.windows.net/" + Tenant + "/", Tenant, null, false)]
    [InlineData("https://login.microsoftonline.com/{tenantid}/v2.0", "{tenantid}", TabTestToken.TenantB, false)]
    [InlineData("https://login.microsoftonline.com//v2.0", "", null, false)]
    [InlineData(null, Tenant, null, false)]
    public void Issuer_is_entra_v2_of_the_tokens_tenant_and_of_the_configured_one_if_any(
        string? issuer, string? tokenTenant, string? configuredTenant, bool accepted)
    {
        Assert.Equal(accepted, TabTokenChecks.IsAcceptedIssuer(issuer, tokenTenant, configuredTenant));
    }

    [Theory]
    [InlineData("access_as_user", true)]
    [InlineData("User.Read access_as_user", true)]
    [InlineData("access_as_user  User.Read", true)]
    [InlineData("ACCESS_AS_USER", false)]
    [InlineData("access_as_users", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Scope_claim_must_hold_access_as_user(string? scopes, bool accepted)
    {
        Assert.Equal(accepted, TabTokenChecks.HasScope(scopes, TeamsTabOptions.RequiredScope));
    }

    [Fact]
    public void Audiences_are_the_app_id_and_the_application_id_uri_of_the_host()
    {
        var options = new TeamsTabOptions { HostName = "crm.contoso.com/" };

        Assert.Equal(["app-1", "api://crm.contoso.com/app-1"], options.GetAcceptedAudiences("app-1"));
    }

    [Fact]
    public void A_configured_audience_replaces_the_derived_application_id_uri()
    {
        var options = new TeamsTabOptions { HostName = "crm.contoso.com", Audience = "api://tabs.contoso.com/app-1" };

        Assert.Equal(["app-1", "api://tabs.contoso.com/app-1"], options.GetAcceptedAudiences("app-1"));
    }

    [Fact]
    public void Without_a_host_name_only_the_app_id_is_accepted()
    {
        Assert.Equal(["app-1"], new TeamsTabOptions().GetAcceptedAudiences("app-1"));
    }

    [Fact]
    public void Without_an_app_id_no_audience_is_accepted()
    {
        var options = new TeamsTabOptions { HostName = "crm.contoso.com" };

        Assert.Empty(options.GetAcceptedAudiences(null));
        Assert.False(TabTokenChecks.IsAcceptedAudience(["api://crm.contoso.com/"], options.GetAcceptedAudiences(null)));
    }

    [Fact]
    public void Audience_matches_ignoring_case()
    {
        Assert.True(TabTokenChecks.IsAcceptedAudience(["API://CRM.contoso.com/APP-1"], ["app-1", "api://crm.contoso.com/app-1"]));
    }

    [Fact]
    public void A_host_name_with_a_scheme_is_refused_at_start()
    {
        var options = new TeamsTabOptions { HostName = "https://crm.contoso.com" };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(errors, error => error.MemberNames.Contains(nameof(TeamsTabOptions.HostName)));
    }
}
