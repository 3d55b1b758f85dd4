using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// A real HTTP server on loopback standing in for WeCom's API (<c>/cgi-bin/…</c>): it issues
/// numbered access tokens for the right corp id and secret, answers 42001 to a token it was told
/// has expired, fails <c>message/send</c> with the statuses it is told to, and otherwise takes the
/// message. Every request is recorded; the messages it took are kept apart.
/// </summary>
public sealed class WeComStandIn : IAsyncDisposable
{
    public const string CorpId = "ww0123456789abcdef";
    public const string Secret = "app-secret-K7vQ2x";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private int _issued;

    private WeComStandIn(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request, as (path, access token) pairs, in order.</summary>
    public ConcurrentQueue<(string Path, string? Token)> Received { get; } = new();

    /// <summary>The <c>message/send</c> bodies it took (answered errcode 0).</summary>
    public ConcurrentQueue<JsonObject> Delivered { get; } = new();

    public static async Task<WeComStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new WeComStandIn(app);
        app.MapGet("/cgi-bin/gettoken", (string corpid, string corpsecret) =>
        {
            standIn.Received.Enqueue(("gettoken", null));
            if (corpid != CorpId || corpsecret != Secret)
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }

            var token = $"token-{Interlocked.Increment(ref standIn._issued)}";
            standIn._tokens[token] = true;
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
        });
        app.MapPost("/cgi-bin/message/send", async (HttpContext context, string access_token) =>
        {
            standIn.Received.Enqueue(("message/send", access_token));
            if (!standIn._tokens.TryGetValue(access_token, out var live) || !live)
            {
                return Results.Json(new { errcode = live ? 40014 : 42001, errmsg = "access_token expired" });
            }

            if (standIn._failures.TryDequeue(out var status))
            {
                return Results.StatusCode(status);
            }

            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            standIn.Delivered.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = $"msg-{standIn.Delivered.Count}" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseUrl = address + "/cgi-bin/";
        return standIn;
    }

    /// <summary>Every token issued so far has expired.</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = false;
        }
    }

    /// <summary>The next <c>message/send</c> requests with a valid token fail with these statuses, in order.</summary>
    public void FailNextSends(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
