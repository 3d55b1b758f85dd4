using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatCrm.Channels.Tests.Teams.Auth;

/// <summary>
/// Serves an OpenID metadata document and its JWKS on loopback, like login.botframework.com does,
/// with the published keys changeable mid-test to play a key rotation.
/// </summary>
public sealed class FakeBotFrameworkLogin : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private volatile TestSigningKey[] _published;
    private int _keyFetches;

    private FakeBotFrameworkLogin(LoopbackHttpServer server, TestSigningKey[] published)
    {
        _server = server;
        _published = published;
    }

    public string MetadataUrl => new Uri(_server.BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<FakeBotFrameworkLogin> StartAsync(params TestSigningKey[] published)
    {
        FakeBotFrameworkLogin? login = null;
        var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = $"{request.Scheme}://{request.Host}/v1/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            }));
            app.MapGet("/v1/keys", () =>
            {
                Interlocked.Increment(ref login!._keyFetches);
                return Results.Json(new { keys = login._published.Select(key => key.ToJwk()).ToArray() });
            });
        });
        login = new FakeBotFrameworkLogin(server, published);
        return login;
    }

    public void Publish(params TestSigningKey[] keys) => _published = keys;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
