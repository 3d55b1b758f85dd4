using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// Settings of the Teams channel (section <c>ChatCrm:Teams</c>): the bot's Entra app registration
/// and the Bot Framework endpoints used to check inbound tokens and to get outbound ones.
/// With no <see cref="MicrosoftAppId"/> authentication is off (development with the Emulator or the Agents Playground).
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ChatCrm:Teams";

    /// <summary>The public Bot Framework OpenID metadata, which lists the keys that sign channel tokens.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The scope a bot asks for to call the Bot Connector service.</summary>
    public const string DefaultScope = "https://api.botframework.com/.default";

    /// <summary>Turns the Teams channel (POST /api/messages and Teams deliveries) on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot's app (client) id; the audience of inbound tokens. Empty turns authentication off.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret, used only to get outbound tokens.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot; null for a multi-tenant bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the signing keys of Bot Framework tokens are published.</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Where the signing keys of Entra ID tokens for a single-tenant bot are published; null means
    /// the tenant's v2.0 metadata (see <see cref="GetEntraOpenIdMetadataUrl"/>).
    /// </summary>
    [Url]
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>The client-credentials token endpoint; null means the public one for the tenant (see <see cref="GetTokenEndpoint"/>).</summary>
    [Url]
    public string? TokenEndpoint { get; set; }

    /// <summary>The scope of outbound tokens.</summary>
    [Required]
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Lets the Production environment start without an app id (authentication off). Off by default.</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>Refuses metadata and key documents served over plain HTTP. Only tests turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when inbound requests must carry a valid token and outbound calls carry one.</summary>
    public bool IsAuthenticationEnabled() => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The configured token endpoint, or the public Microsoft identity endpoint for the tenant (botframework.com when multi-tenant).</summary>
    public string GetTokenEndpoint() =>
        string.IsNullOrWhiteSpace(TokenEndpoint)
            ? $"https://login.microsoftonline.com/{TenantOrBotFramework()}/oauth2/v2.0/token"
            : TokenEndpoint;

    /// <summary>The Entra ID metadata for the configured tenant, or null for a multi-tenant bot (which accepts Bot Framework tokens only).</summary>
    public string? GetEntraOpenIdMetadataUrl()
    {
        if (!string.IsNullOrWhiteSpace(EntraOpenIdMetadataUrl))
        {
            return EntraOpenIdMetadataUrl;
        }

        return string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? null
            : $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0/.well-known/openid-configuration";
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Without the secret the bot could accept messages but never answer them.
        if (IsAuthenticationEnabled() && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult(
                $"{SectionName}:MicrosoftAppPassword is required when {SectionName}:MicrosoftAppId is set.",
                [nameof(MicrosoftAppPassword)]);
        }
    }

    private string TenantOrBotFramework() =>
        string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? "botframework.com" : MicrosoftAppTenantId;
}
