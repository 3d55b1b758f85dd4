using ChatCrm.Core.Digest;
using ChatCrm.Digest;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

/// <summary>GET /reports/digest/{team}/{date}?token=…: the full report a digest card links to, opened by the link's signed, expiring token.</summary>
public static class DigestReportEndpoints
{
    public static IEndpointRouteBuilder MapDigestReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/digest/{team}/{date}", ShowAsync);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ShowAsync(
        string team, string date, string? token, HttpContext http, DigestReportLinks links, ShowDigestReport show, CancellationToken cancellationToken)
    {
        // The token is the whole authority here: the page must not be cached or passed on as a referrer.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!links.Opens(token, team, date))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "The report link is invalid or has expired.",
                detail: "Open the report from a recent digest card; links work for a limited time.");
        }

        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (await show.HandleAsync(team, day, cancellationToken) is not { } report)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No digest was sent for this team on this date.");
        }

        return TypedResults.Content(DigestReportPage.Render(report), "text/html; charset=utf-8");
    }
}
