using System.Collections.Concurrent;
using ChatCrm.Channels.Tests.Teams.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatCrm.Channels.Tests.Teams.Connector;

/// <summary>One request the fake connector received, as it came over the wire.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string? ContentType, string? Authorization, string Body);

/// <summary>
/// The Bot Connector on loopback: records every request and answers the n-th (1-based) as
/// <see cref="Answer"/> says; by default 201 with a resource id, as Teams answers a sent activity.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private FakeBotConnector(LoopbackHttpServer server) => _server = server;

    /// <summary>The service URL to put in conversation references, like Teams' regional ones.</summary>
    public string ServiceUrl => new Uri(_server.BaseAddress, "amer/").ToString();

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public Func<int, HttpContext, Task> Answer { get; set; } = (_, context) => Results.Json(new { id = "1763431200999" }, statusCode: 201).ExecuteAsync(context);

    /// <summary>Answers with <paramref name="status"/> and, if given, a Retry-After in seconds and a body.</summary>
    public static Task Status(HttpContext context, int status, int? retryAfterSeconds = null, string? body = null)
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return body is null ? Task.CompletedTask : context.Response.WriteAsync(body);
    }

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

    public static async Task<FakeBotConnector> StartAsync()
    {
        FakeBotConnector? connector = null;
        var server = await LoopbackHttpServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var request = new ConnectorRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.ContentType,
                context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString(),
                body);
            connector!.Requests.Enqueue(request);
            await connector.Answer(connector.Requests.Count, context);
        }));
        connector = new FakeBotConnector(server);
        return connector;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
