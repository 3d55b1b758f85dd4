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

    /// <summary>The pictures <c>media/upload?type=image</c> took: file name and bytes, in order; the media id is <c>media-{n}</c>.</summary>
    public ConcurrentQueue<(string FileName, byte[] Bytes)> Uploads { get; } = new();

    /// <summary>The <c>message/update_template_card</c> bodies it took.</summary>
    public ConcurrentQueue<JsonObject> CardUpdates { get; } = new();

    /// <summary>Every OAuth code the app exchanged at <c>auth/getuserinfo</c>, in order.</summary>
    public ConcurrentQueue<string> ExchangedCodes { get; } = new();

    /// <summary>The customers <c>externalcontact/get</c> knows, by external userid.</summary>
    public ConcurrentDictionary<string, (string Name, string? CorpName)> Customers { get; } = new();

    /// <summary>The JS-SDK tickets it hands out (corp and agent), fixed so a test can sign as the app must.</summary>
    public const string CorpTicket = "corp-ticket-kgt8ON7yVITDhtdwci0qeZ1HzVdpR7wD";
    public const string AgentTicket = "agent-ticket-bxLdikRXVbTPdHSM05e5u5sUoXNKd8-4";

    /// <summary>OAuth codes: <c>CODE-{userid}</c> is a member, <see cref="StrangerCode"/> someone outside the company, <see cref="RefusedCode"/> one WeCom refuses (40029).</summary>
    public const string StrangerCode = "CODE-STRANGER";
    public const string RefusedCode = "CODE-REFUSED";

    public static string CodeFor(string userId) => "CODE-" + userId;

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
        app.MapPost("/cgi-bin/media/upload", async (HttpContext context, string access_token, string type) =>
        {
            standIn.Received.Enqueue(("media/upload", access_token));
            if (!standIn._tokens.TryGetValue(access_token, out var live) || !live)
            {
                return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
            }

            var form = await context.Request.ReadFormAsync();
            if (type != "image" || form.Files.GetFile("media") is not { } media)
            {
                return Results.Json(new { errcode = 40004, errmsg = "invalid media type" });
            }

            using var bytes = new MemoryStream();
            await media.CopyToAsync(bytes);
            standIn.Uploads.Enqueue((media.FileName, bytes.ToArray()));
            return Results.Json(new { errcode = 0, errmsg = "", type = "image", media_id = $"media-{standIn.Uploads.Count}", created_at = "1763445600" });
        });
        app.MapGet("/cgi-bin/auth/getuserinfo", (string access_token, string code) =>
        {
            standIn.Received.Enqueue(("auth/getuserinfo", access_token));
            standIn.ExchangedCodes.Enqueue(code);
            return code switch
            {
                _ when !standIn.IsLive(access_token) => Results.Json(new { errcode = 42001, errmsg = "access_token expired" }),
                StrangerCode => Results.Json(new { errcode = 0, errmsg = "ok", openid = "oStranger", external_userid = "wmStranger" }),
                _ when code.StartsWith("CODE-", StringComparison.Ordinal) && code != RefusedCode => Results.Json(new { errcode = 0, errmsg = "ok", userid = code["CODE-".Length..] }),
                _ => Results.Json(new { errcode = 40029, errmsg = "invalid code" }),
            };
        });
        app.MapGet("/cgi-bin/get_jsapi_ticket", (string access_token) =>
            standIn.IsLive(access_token)
                ? Results.Json(new { errcode = 0, errmsg = "ok", ticket = CorpTicket, expires_in = 7200 })
                : Results.Json(new { errcode = 42001, errmsg = "access_token expired" }));
        app.MapGet("/cgi-bin/ticket/get", (string access_token, string type) =>
            standIn.IsLive(access_token) && type == "agent_config"
                ? Results.Json(new { errcode = 0, errmsg = "ok", ticket = AgentTicket, expires_in = 7200 })
                : Results.Json(new { errcode = 42001, errmsg = "access_token expired" }));
        app.MapGet("/cgi-bin/externalcontact/get", (string access_token, string external_userid) =>
        {
            standIn.Received.Enqueue(("externalcontact/get", access_token));
            return standIn.Customers.TryGetValue(external_userid, out var customer)
                ? Results.Json(new { errcode = 0, errmsg = "ok", external_contact = new { external_userid, name = customer.Name, corp_name = customer.CorpName, type = 1 } })
                : Results.Json(new { errcode = 84061, errmsg = "not external contact" });
        });
        app.MapPost("/cgi-bin/message/update_template_card", async (HttpContext context, string access_token) =>
        {
            standIn.Received.Enqueue(("message/update_template_card", access_token));
            standIn.CardUpdates.Enqueue((JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!);
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseUrl = address + "/cgi-bin/";
        return standIn;
    }

    private bool IsLive(string token) => _tokens.TryGetValue(token, out var live) && live;

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
