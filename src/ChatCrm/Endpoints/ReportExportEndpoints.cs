using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using ChatCrm.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace ChatCrm.Endpoints;

public static class ReportExportEndpoints
{
    /// <summary>GET /reports/records.xlsx?token=: the records behind a number, as the asker may see them, in Excel.</summary>
    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/records.xlsx", DownloadAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string? token, HttpContext http, ReportExportLinks links, ICrmStore store, ExportMetricRecords export, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (links.Open(token) is not { } ticket)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The export link is invalid or has expired.",
                detail: "Press Export again in the chat or the dashboard; export links work for 10 minutes.");
        }

        var user = await store.ReadAsync(session => session.People.FindUser(ticket.User), cancellationToken);
        if (user is null || !user.IsActive)
        {
            return DeactivatedAccounts.Refused();
        }

        var exported = await export.HandleAsync(new Actor(user, "export", null), new MetricRequest(ticket.Metric, ticket.Period, ticket.Team), cancellationToken);
        if (!exported.IsSuccess)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This export is not allowed.",
                detail: exported.Error is NotPermitted ? "Your position does not allow exports; ask your manager." : exported.Error!.Code);
        }

        var (answer, rows) = (exported.Value!.Answer, exported.Value.Rows);
        var zh = ticket.Language != "en";
        var sheet = rows.Select(row => new Dictionary<string, object?>
        {
            [zh ? "编号" : "Lead"] = row.Lead.Number,
            [zh ? "客户" : "Name"] = row.Lead.Name,
            [zh ? "公司" : "Company"] = row.Lead.Company,
            [zh ? "负责人" : "Owner"] = row.OwnerName,
            [zh ? "阶段" : "Stage"] = row.Lead.Stage.ToString().ToLowerInvariant(),
            [zh ? "最近跟进" : "Last activity"] = row.Lead.LastFollowUpAt?.UtcDateTime,
            [zh ? "说明" : "Detail"] = row.Detail,
        }).ToList();
        using var file = new MemoryStream();
        await file.SaveAsAsync(sheet, sheetName: answer.Metric.Id, cancellationToken: cancellationToken);
        var name = $"{answer.Metric.Id}-{answer.Period?.FirstDay.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}.xlsx";
        return TypedResults.File(file.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
