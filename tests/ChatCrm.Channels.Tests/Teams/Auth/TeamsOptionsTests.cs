using System.ComponentModel.DataAnnotations;
using ChatCrm.Channels.Teams.Auth;

namespace ChatCrm.Channels.Tests.Teams.Auth;

public sealed class TeamsOptionsTests
{
    [Theory]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("tenant-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    public void Token_endpoint_defaults_to_the_tenant_or_botframework_com(string? tenant, string expected)
    {
        Assert.Equal(expected, new TeamsOptions { MicrosoftAppTenantId = tenant }.GetTokenEndpoint());
    }

    [Fact]
    public void Defaults_are_the_public_bot_framework_endpoints()
    {
        var options = new TeamsOptions();

        Assert.Equal(
            ("https://login.botframework.com/v1/.well-known/openidconfiguration", "https://api.botframework.com/.default", false),
            (options.OpenIdMetadataUrl, options.Scope, options.IsAuthenticationEnabled()));
    }

    [Fact]
    public void App_id_without_a_secret_is_invalid()
    {
        var options = new TeamsOptions { MicrosoftAppId = "app" };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Contains(nameof(TeamsOptions.MicrosoftAppPassword), Assert.Single(results).MemberNames);
    }
}
