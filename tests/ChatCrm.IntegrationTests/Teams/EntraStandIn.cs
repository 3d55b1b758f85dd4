using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// A real HTTP server on loopback standing in for Entra ID: it publishes OpenID metadata and the
/// public half of an RSA key made here, and signs Teams SSO tokens with the private half.
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    public const string TenantId = "72f988bf-0000-4000-8000-00000000c0de";
    public const string AppId = "6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    public const string HostName = "crm.contoso.com";
    private const string KeyId = "entra-stand-in-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private EntraStandIn(WebApplication app, RSA rsa, string metadataUrl)
    {
        _app = app;
        _rsa = rsa;
        MetadataUrl = metadataUrl;
    }

    /// <summary>Where the app under test reads the signing keys (ChatCrm:Teams:Tab:OpenIdMetadataUrl).</summary>
    public string MetadataUrl { get; }

    /// <summary>The settings that turn Teams authentication on and point the tab at this stand-in.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["ChatCrm:Teams:Enabled"] = "true",
        ["ChatCrm:Teams:MicrosoftAppId"] = AppId,
        ["ChatCrm:Teams:MicrosoftAppPassword"] = "not-used-by-the-tab",
        ["ChatCrm:Teams:Tab:HostName"] = HostName,
        ["ChatCrm:Teams:Tab:OpenIdMetadataUrl"] = MetadataUrl,
        ["ChatCrm:Teams:Tab:RequireHttpsMetadata"] = "false",
    };

    public static async Task<EntraStandIn> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/common/v2.0/.well-known/openid-configuration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            // Entra's common metadata names its issuer with a placeholder; tokens carry their tenant's.
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["authorization_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/common/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/common/discovery/v2.0/keys", () =>
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new EntraStandIn(app, rsa, root + "/common/v2.0/.well-known/openid-configuration");
    }

    /// <summary>The token Teams hands the tab for this person: v2.0, for our Application ID URI, an hour long.</summary>
    public string TokenFor(string objectId, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Audience = $"api://{HostName}/{AppId}",
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            IssuedAt = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddMinutes(59).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0",
                ["tid"] = TenantId,
                ["oid"] = objectId,
                ["scp"] = "access_as_user",
                // The Teams desktop and mobile client, one of the two the app pre-authorizes.
                ["azp"] = "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        // The app runs on a fake clock; the token's times must be on it too.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
