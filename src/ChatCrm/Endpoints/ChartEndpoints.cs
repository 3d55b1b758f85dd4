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
        string token, HttpContext http, ChartImages charts, CancellationToken cancellationToken)
    {
        // The token is the whole authority: nothing shared may keep or pass it on.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return await charts.ByTokenAsync(token, cancellationToken) is { } png
            ? TypedResults.File(png, "image/png")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chart, or its link has expired.",
                detail: "Ask the bot again for a fresh chart; chart links work for a day.");
    }
}
