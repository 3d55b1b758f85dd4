using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Channels.Teams.Tab;

/// <summary>
/// Settings of the Teams "My leads" tab (section <c>ChatCrm:Teams:Tab</c>): what a Teams SSO token
/// must be issued for, and where Entra ID publishes the keys that sign it. The app id and tenant
/// are the bot's (<c>ChatCrm:Teams:MicrosoftAppId</c>, <c>MicrosoftAppTenantId</c>): the manifest's
/// <c>webApplicationInfo</c> names the same Entra app.
/// </summary>
public sealed class TeamsTabOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ChatCrm:Teams:Tab";

    /// <summary>Entra ID's multi-tenant v2.0 metadata, which lists the keys that sign every tenant's tokens.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The scope the app registration exposes for Teams SSO; a token without it was not asked for the tab.</summary>
    public const string RequiredScope = "access_as_user";

    /// <summary>
    /// The host the tab is served from, as in the manifest's <c>{{hostName}}</c> (e.g. <c>crm.contoso.com</c>);
    /// with the app id it makes the default audience <c>api://{HostName}/{appId}</c>.
    /// </summary>
    public string? HostName { get; set; }

    /// <summary>The Application ID URI tokens are issued for, when it is not <c>api://{HostName}/{appId}</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>Where the signing keys of Entra ID tokens are published.</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Refuses metadata and key documents served over plain HTTP. Only tests turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// The audiences a token may carry: the app id itself (what v2.0 access tokens carry) and the
    /// Application ID URI. None without an app id.
    /// </summary>
    public IReadOnlyList<string> GetAcceptedAudiences(string? appId)
    {
        if (string.IsNullOrWhiteSpace(appId))
        {
            return [];
        }

        var applicationIdUri = !string.IsNullOrWhiteSpace(Audience) ? Audience.Trim()
            : !string.IsNullOrWhiteSpace(HostName) ? $"api://{HostName.Trim().TrimEnd('/')}/{appId.Trim()}"
            : null;
        return applicationIdUri is null ? [appId.Trim()] : [appId.Trim(), applicationIdUri];
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The manifest's {{hostName}} is a bare host; a scheme here would make an audience no token carries.
        if (HostName is { } host && (host.Contains("://", StringComparison.Ordinal) || host.Contains(' ', StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                $"{SectionName}:HostName is a host name such as crm.contoso.com, without https://.",
                [nameof(HostName)]);
        }
    }
}
