using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Access;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using ChatCrm.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

public static class ChartEndpoints
{
    /// <summary>GET /charts/{token}.png: a report answer's chart, for whoever holds the link until it expires.</summary>
    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/charts/{token}.png", DrawAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DrawAsync(
        string token, HttpContext http, ChartLinks links, ICrmStore store, AnswerMetric answers, CancellationToken cancellationToken)
    {
        // The token is the whole authority: nothing shared may keep or pass it on.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (links.Open(token) is not { } ticket)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chart, or its link has expired.",
                detail: "Ask the bot again for a fresh chart; chart links work for a day.");
        }

        if (links.Drawn(token) is { } png)
        {
            return TypedResults.File(png, "image/png");
        }

        // Drawn again, from the data now, for the same person and scope: the answer's own PNG is gone
        // (a restart, or another instance took this request).
        var user = await store.ReadAsync(session => session.People.FindUser(ticket.User), cancellationToken);
        if (user is null || !user.IsActive)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chart, or its link has expired.");
        }

        var actor = new Actor(user, "chart", null, null, null);
        var answered = await answers.HandleAsync(actor, new MetricRequest(ticket.Metric, ticket.Period, ticket.Team), cancellationToken);
        return answered.IsSuccess
            ? TypedResults.File(MetricChart.Render(answered.Value!, ticket.Language), "image/png")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "This chart can no longer be drawn.", detail: answered.Error!.Code);
    }
}
