using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatCrm.Channels.Tests.Teams.Auth;

/// <summary>
/// A client-credentials token endpoint and a connector echo on loopback: counts token requests,
/// keeps their forms, and records the Authorization header of calls to <c>/v3/echo</c>.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private int _requests;

    private FakeTokenEndpoint(LoopbackHttpServer server) => _server = server;

    public string TokenUrl => new Uri(_server.BaseAddress, "tenant/oauth2/v2.0/token").ToString();

    public Uri EchoUrl => new(_server.BaseAddress, "v3/echo");

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Forms { get; } = new();

    public ConcurrentQueue<string?> EchoAuthorizations { get; } = new();

    /// <summary>What the next request is answered; by default a numbered token valid for an hour.</summary>
    public Func<int, IResult> Answer { get; set; } = number =>
        Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"token-{number}" });

    /// <summary>When set, answers wait for it, so a test can hold callers at the endpoint.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completes when the first token request arrives.</summary>
    public TaskCompletionSource FirstRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        FakeTokenEndpoint? endpoint = null;
        var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapPost("/tenant/oauth2/v2.0/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                endpoint!.Forms.Enqueue(form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
                var number = Interlocked.Increment(ref endpoint._requests);
                endpoint.FirstRequestArrived.TrySetResult();
                if (endpoint.Gate is { } gate)
                {
                    await gate.Task;
                }

                return endpoint.Answer(number);
            });
            app.MapGet("/v3/echo", (HttpRequest request) =>
            {
                endpoint!.EchoAuthorizations.Enqueue(request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString());
                return Results.Ok();
            });
        });
        endpoint = new FakeTokenEndpoint(server);
        return endpoint;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
