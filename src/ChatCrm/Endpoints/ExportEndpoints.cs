using ChatCrm.Core.Exports;
using ChatCrm.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

/// <summary>GET /exports/{id}?token=…: an export's CSV, through its one-time, expiring link; never sent inline in chat.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{id:guid}", DownloadAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, string? token, HttpContext http, TakeExport take, CancellationToken cancellationToken)
    {
        // The token is the whole authority: the file must not be cached or passed on as a referrer.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var taken = await take.HandleAsync(id, token, cancellationToken);
        if (taken.Value is not { } file)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "This export link is invalid, used or expired.",
                detail: "Each export link works once and for a limited time; ask for the export again in chat.");
        }

        return TypedResults.File(ExportCsv.Write(file.Rows), "text/csv; charset=utf-8", $"leads-{file.Id:N}.csv");
    }
}
