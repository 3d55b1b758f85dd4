using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Tests.Teams.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatCrm.Channels.Tests.WeCom.Api;

/// <summary>One request the fake WeCom API received, as it came over the wire.</summary>
public sealed record WeComRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body)
{
    public string? AccessToken => Query.GetValueOrDefault("access_token");

    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
}

/// <summary>
/// WeCom's server API on loopback (<c>/cgi-bin/…</c>), answering as WeCom does: HTTP 200 with an
/// errcode. It issues numbered access tokens for the right corp id and secret and refuses calls
/// with any other (42001 once <see cref="ExpireTokens"/> made them old, else 40014). Answers queued
/// with <see cref="AnswerNext"/> come first, for the requests to their path.
/// </summary>
public sealed class FakeWeComApi : IAsyncDisposable
{
    public const string CorpId = "ww0123456789abcdef";
    public const string Secret = "app-secret-K7vQ2x";
    public const string MemberCode = "code-of-a-member";
    public const string VisitorCode = "code-of-a-visitor";
    public const string Customer = "wmCustomer0001";

    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _queued = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    private FakeWeComApi(LoopbackHttpServer server) => _server = server;

    /// <summary>The API root to configure, ending in <c>cgi-bin/</c>.</summary>
    public string ApiBaseUrl => new Uri(_server.BaseAddress, "cgi-bin/").ToString();

    public ConcurrentQueue<WeComRequest> Requests { get; } = new();

    /// <summary>The <c>expires_in</c> of tokens and tickets, in seconds.</summary>
    public int ExpiresIn { get; set; } = 7200;

    /// <summary>When set, <c>gettoken</c> answers wait for it, so a test can hold callers there.</summary>
    public TaskCompletionSource? TokenGate { get; set; }

    public TaskCompletionSource FirstTokenRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<WeComRequest> To(string path) => [.. Requests.Where(request => request.Path == path)];

    /// <summary>Every token issued so far has expired: calls with one answer 42001.</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = false;
        }
    }

    /// <summary>The next requests to <paramref name="path"/> are answered by these, in order.</summary>
    public void AnswerNext(string path, params Func<HttpContext, Task>[] answers)
    {
        var queue = _queued.GetOrAdd(path, _ => new ConcurrentQueue<Func<HttpContext, Task>>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public static Func<HttpContext, Task> Error(int code, string message) => Json(new { errcode = code, errmsg = message });

    public static Func<HttpContext, Task> Json(object body) => context => Results.Json(body).ExecuteAsync(context);

    /// <summary>Answers this JSON text as it is (names keep their case).</summary>
    public static Func<HttpContext, Task> Raw(string json) => context => Results.Text(json, "application/json").ExecuteAsync(context);

    public static Func<HttpContext, Task> Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync("<html>upstream error</html>");
    };

    /// <summary>Never answers: holds the request until the client gives up.</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client timed out and went away, which is the point.
        }
    }

    public static async Task<FakeWeComApi> StartAsync()
    {
        FakeWeComApi? api = null;
        var server = await LoopbackHttpServer.StartAsync(app => app.Map("/cgi-bin/{**path}", async (HttpContext context, string path) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new WeComRequest(
                context.Request.Method,
                path,
                context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
                context.Request.ContentType,
                await reader.ReadToEndAsync(context.RequestAborted));
            api!.Requests.Enqueue(request);
            await api.AnswerAsync(request, context);
        }));
        api = new FakeWeComApi(server);
        return api;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(WeComRequest request, HttpContext context)
    {
        var number = _counts.AddOrUpdate(request.Path, 1, (_, count) => count + 1);
        if (_queued.TryGetValue(request.Path, out var queue) && queue.TryDequeue(out var queued))
        {
            await queued(context);
            return;
        }

        if (request.Path == "gettoken")
        {
            await IssueTokenAsync(request, number, context);
            return;
        }

        if (request.AccessToken is not { } token || !_tokens.TryGetValue(token, out var live) || !live)
        {
            await (request.AccessToken is { } old && _tokens.ContainsKey(old)
                ? Error(42001, "access_token expired, hint: [1763431200_1]")
                : Error(40014, "invalid access_token, hint: [1763431200_2]"))(context);
            return;
        }

        await (request.Path switch
        {
            "message/send" => Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = $"msg-{number}" }),
            "message/update_template_card" => Json(new { errcode = 0, errmsg = "ok", invaliduser = Array.Empty<string>() }),
            "get_jsapi_ticket" => Json(new { errcode = 0, errmsg = "ok", ticket = $"corp-ticket-{number}", expires_in = ExpiresIn }),
            "ticket/get" when request.Query.GetValueOrDefault("type") == "agent_config" =>
                Json(new { errcode = 0, errmsg = "ok", ticket = $"agent-ticket-{number}", expires_in = ExpiresIn }),
            "auth/getuserinfo" => request.Query.GetValueOrDefault("code") switch
            {
                MemberCode => Json(new { errcode = 0, errmsg = "ok", userid = "ZhangSan" }),
                VisitorCode => Json(new { errcode = 0, errmsg = "ok", openid = "oVisitor0001", external_userid = "wmVisitor0001" }),
                _ => Error(40029, "invalid code"),
            },
            "externalcontact/get" when request.Query.GetValueOrDefault("external_userid") == Customer => Json(new
            {
                errcode = 0,
                errmsg = "ok",
                external_contact = new { external_userid = Customer, name = "王总", position = "采购总监", corp_name = "华星科技", type = 2, gender = 1 },
                follow_user = new[] { new { userid = "zhangsan", remark = "王总" } },
            }),
            "externalcontact/get" => Error(84061, "not external contact"),
            _ => Error(40058, "invalid parameter"),
        })(context);
    }

    private async Task IssueTokenAsync(WeComRequest request, int number, HttpContext context)
    {
        FirstTokenRequestArrived.TrySetResult();
        if (TokenGate is { } gate)
        {
            await gate.Task;
        }

        if (request.Query.GetValueOrDefault("corpid") != CorpId || request.Query.GetValueOrDefault("corpsecret") != Secret)
        {
            await Error(40001, "invalid credential, hint: [1763431200_3]")(context);
            return;
        }

        var token = $"token-{number}";
        _tokens[token] = true;
        await Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = ExpiresIn })(context);
    }
}
