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
/// A real HTTP server on loopback standing in for the Bot Framework's login service: the OpenID
/// metadata and the (Teams-endorsed) public key that channel tokens are checked with, the private
/// key that signs them here, and the client-credentials endpoint the bot gets its own token from.
/// </summary>
public sealed class BotFrameworkStandIn : IAsyncDisposable
{
    public const string AppId = "3c1f9a5e-7b2d-4e8f-9a6c-0d1e2f3a4b5c";
    public const string OutboundToken = "bot-token-from-the-stand-in";
    private const string KeyId = "bot-framework-stand-in-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly string _root;
    private int _tokenRequests;

    private BotFrameworkStandIn(WebApplication app, RSA rsa, string root)
    {
        _app = app;
        _rsa = rsa;
        _root = root;
    }

    /// <summary>The settings that turn Teams authentication on against this stand-in.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["ChatCrm:Teams:Enabled"] = "true",
        ["ChatCrm:Teams:MicrosoftAppId"] = AppId,
        ["ChatCrm:Teams:MicrosoftAppPassword"] = "stand-in-secret",
        ["ChatCrm:Teams:OpenIdMetadataUrl"] = _root + "/v1/.well-known/openidconfiguration",
        ["ChatCrm:Teams:TokenEndpoint"] = _root + "/botframework.com/oauth2/v2.0/token",
        ["ChatCrm:Teams:RequireHttpsMetadata"] = "false",
    };

    public static async Task<BotFrameworkStandIn> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new[] { "msteams" },
                    },
                },
            });
        });
        BotFrameworkStandIn? standIn = null;
        app.MapPost("/botframework.com/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref standIn!._tokenRequests);
            return standIn.RefuseTokens
                ? Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: StatusCodes.Status401Unauthorized)
                : Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = OutboundToken });
        });
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        standIn = new BotFrameworkStandIn(app, rsa, root);
        return standIn;
    }

    /// <summary>While set, the token endpoint refuses the app's secret (401 invalid_client), as Entra does after a secret expires.</summary>
    public bool RefuseTokens { get; set; }

    /// <summary>How many times the app asked for an outbound token.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>
    /// A channel token as the Bot Connector sends one: for <paramref name="serviceUrl"/>, an hour
    /// long from <paramref name="now"/> (the app's fake clock). The named parts can be spoiled.
    /// </summary>
    public string TokenFor(string serviceUrl, DateTimeOffset now, string issuer = "https://api.botframework.com", string audience = AppId, TimeSpan? age = null, RSA? signWith = null)
    {
        var issued = now - (age ?? TimeSpan.FromMinutes(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = issued.UtcDateTime,
            IssuedAt = issued.UtcDateTime,
            Expires = issued.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
