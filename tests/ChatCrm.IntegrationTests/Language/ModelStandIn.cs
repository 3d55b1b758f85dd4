using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Language;

/// <summary>
/// A real OpenAI-compatible chat completions server on loopback: it records every request and
/// answers from a script (a tool call, an HTTP error, a hang, a broken body), one entry per request;
/// with the script empty it answers <see cref="Otherwise"/>.
/// </summary>
public sealed class ModelStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ModelAnswer> _script = new();
    private readonly CancellationTokenSource _stopping = new();

    private ModelStandIn(WebApplication app) => _app = app;

    /// <summary>Every request, its JSON body parsed.</summary>
    public ConcurrentQueue<ModelRequest> Received { get; } = new();

    /// <summary>The answer when the script has run out.</summary>
    public ModelAnswer Otherwise { get; set; } = ModelAnswer.Call("unknown", "{}");

    /// <summary>The base address including /v1, as ChatCrm:Language:OpenAI:Endpoint takes it.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<ModelStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new ModelStandIn(app);
        app.Run(standIn.AnswerAsync);
        await app.StartAsync();
        standIn.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return standIn;
    }

    /// <summary>The next requests are answered with these, in order.</summary>
    public void Script(params ModelAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Received.Enqueue(new ModelRequest(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.ToString(),
            body.Length == 0 ? null : JsonNode.Parse(body)));
        var answer = _script.TryDequeue(out var next) ? next : Otherwise;
        if (answer.Hang)
        {
            // Held until the client gives up (or the stand-in stops): a model that never answers.
            try
            {
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token).Token);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body);
    }
}

/// <param name="Body">The request's JSON; null for a bodiless GET.</param>
public sealed record ModelRequest(string Method, string Path, string Authorization, JsonNode? Body)
{
    /// <summary>The system prompt as rendered.</summary>
    public string SystemPrompt => Body!["messages"]![0]!["content"]!.GetValue<string>();

    /// <summary>What the user said, as the model saw it.</summary>
    public string UserMessage => Body!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();

    public IReadOnlyList<string> ToolNames =>
        Body?["tools"]?.AsArray().Select(tool => tool!["function"]!["name"]!.GetValue<string>()).ToList() ?? [];
}

/// <summary>One scripted answer.</summary>
public sealed record ModelAnswer(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    /// <summary>A chat completion calling crm-<paramref name="function"/> with <paramref name="arguments"/> (JSON text).</summary>
    public static ModelAnswer Call(string function, string arguments, string plugin = "crm") => Completion(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_" + Guid.NewGuid().ToString("N")[..8],
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = $"{plugin}-{function}", ["arguments"] = arguments },
        }),
    }, "tool_calls");

    /// <summary>A chat completion with plain text and no call.</summary>
    public static ModelAnswer Text(string content) => Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    public static ModelAnswer Error(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, """{"error":{"message":"scripted failure","type":"server_error"}}""", headers ?? new Dictionary<string, string>());

    public static ModelAnswer Raw(string body) => new(200, body, new Dictionary<string, string>());

    public static ModelAnswer Hung { get; } = new(200, string.Empty, new Dictionary<string, string>(), Hang: true);

    private static ModelAnswer Completion(JsonObject message, string finishReason) => new(200, new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1763445600,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
    }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), new Dictionary<string, string>());
}
