using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// A real HTTP server on loopback standing in for the Teams Bot Connector: it records every request
/// and answers with the statuses it is told to, then 201.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();

    private ConnectorStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            // The raw target, as sent: Kestrel's Path is already unescaped.
            var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            standIn.Received.Enqueue(new ReceivedRequest(context.Request.Method, target, context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            context.Response.StatusCode = standIn._failures.TryDequeue(out var status) ? status : StatusCodes.Status201Created;
            await context.Response.WriteAsync("""{"id":"sent-1"}""");
        });
        await app.StartAsync();
        standIn.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return standIn;
    }

    /// <summary>The next requests fail with these statuses, in order.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record ReceivedRequest(string Method, string PathAndQuery, string Authorization, string Body);
