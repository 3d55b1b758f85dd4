using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Teams.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>The Bot Framework messaging endpoint: a one-line delegate to the Teams adapter.</summary>
public static class TeamsEndpoints
{
    /// <summary>Teams activities are small; a card submit with its data stays far below this.</summary>
    private const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!options.IsAuthenticationEnabled())
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints))
                .LogWarning("Teams authentication is OFF (no ChatCrm:Teams:MicrosoftAppId): /api/messages accepts requests without a token. For the Emulator and the Agents Playground only.");
        }

        return app;
    }

    private static async Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> HandleAsync(HttpRequest request, TeamsAdapter adapter, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var answer = await adapter.HandleAsync(request.Headers.Authorization.ToString(), body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
        return answer switch
        {
            { Problem: { } problem } => TypedResults.Problem(problem, statusCode: answer.Status),
            { Json: { } json } => TypedResults.Content(json, "application/json", statusCode: answer.Status),
            _ => TypedResults.Ok(),
        };
    }
}
