using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using ChatCrm.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>One metric on the dashboard: the chat's number, change, range, definition and chart for the same request.</summary>
public sealed record DashboardMetric(
    string Id, string Name, int Version, string Value, string? Change, string? Range, string Scope,
    string Definition, int Excluded, int Records, string? Chart, IReadOnlyList<DashboardPart> Parts);

public sealed record DashboardPart(string Label, string Value);

public sealed record DashboardTeam(string Key, string Name);

public sealed record DashboardView(string User, string Language, string Period, string AsOf, IReadOnlyList<DashboardTeam> Teams, IReadOnlyList<DashboardMetric> Metrics);

public sealed record DashboardRow(string Number, string Name, string? Company, string Owner, string Stage, string? LastActivity, string? Detail);

/// <param name="Export">Where the whole list downloads in Excel (short-lived; needs the export permission).</param>
public sealed record DashboardRecords(string Metric, string Name, int Total, IReadOnlyList<DashboardRow> Rows, string Export);

/// <summary>
/// The reports dashboard: <c>/dashboard</c> (a page) and its API, built only on the use cases the
/// chat answers with (<see cref="AnswerMetric"/>, <see cref="ListMetricRecords"/>), so its numbers are
/// the chat's by construction. Who is asking: the WeCom sidebar's signed-in member; where the web
/// chat is on (development, trials) <c>?user=</c>, as the web chat trusts it.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var files = Path.Combine(AppContext.BaseDirectory, "wwwroot", "dashboard");
        app.MapGet("/dashboard", () => TypedResults.PhysicalFile(Path.Combine(files, "index.html"), "text/html; charset=utf-8"));
        app.MapGet("/dashboard/dashboard.js", () => TypedResults.PhysicalFile(Path.Combine(files, "dashboard.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/dashboard/dashboard.css", () => TypedResults.PhysicalFile(Path.Combine(files, "dashboard.css"), "text/css; charset=utf-8"));
        app.MapGet("/api/dashboard", ShowAsync);
        app.MapGet("/api/dashboard/details", DetailsAsync);
        return app;
    }

    private static async Task<Results<Ok<DashboardView>, ProblemHttpResult>> ShowAsync(
        HttpContext http, string? user, string? period, string? team, string? lang,
        AnswerMetric answers, ICrmStore store, IChartLinks charts, ReportReplies replies, CancellationToken cancellationToken)
    {
        if (await WhoAsync(http, user, store, cancellationToken) is not { } asker)
        {
            return NotSignedIn();
        }

        if (asker.Problem is { } refused)
        {
            return refused;
        }

        var language = lang is "zh" or "en" ? lang : asker.User!.Language;
        var actor = new Actor(asker.User!, "dashboard", null);
        var metrics = new List<DashboardMetric>();
        foreach (var metric in MetricDictionary.All)
        {
            var request = new MetricRequest(metric.Id, period, string.IsNullOrWhiteSpace(team) ? null : team);
            var answered = await answers.HandleAsync(actor, request, cancellationToken);
            if (!answered.IsSuccess)
            {
                return Problem(answered.Error!);
            }

            var answer = answered.Value!;
            // Same origin as the page: the path alone, whatever address the server is reached at.
            var chart = new Uri(charts.For(asker.User!.Key, request with { Period = answer.Period?.Key == "dates" ? period : answer.Period?.Key }, language, MetricChart.Render(answer, language))).PathAndQuery;
            metrics.Add(new DashboardMetric(
                answer.Metric.Id,
                answer.Metric.Name(language),
                answer.Metric.Version,
                ReportReplies.Value(answer.Metric, answer.Result),
                answer.Previous is { } previous ? ReportReplies.Change(answer.Metric, answer.Result, previous, language) : null,
                answer.Period?.DayRange,
                ReportReplies.ScopeName(answer, language),
                answer.Metric.DefinitionLine(language),
                answer.Result.Excluded,
                answer.Result.RecordCount,
                chart,
                [.. answer.Result.Parts.Select(part => new DashboardPart(ReportReplies.PartLabel(answer.Metric, part.Label, language), ReportReplies.PartValue(answer.Metric, part, language)))]));
        }

        var teams = await store.ReadAsync(session =>
        {
            var rights = LeadAccess.Of(session, asker.User!);
            return session.People.AllTeams().Where(candidate => rights.SeesReportsOf(candidate.Key)).Select(candidate => new DashboardTeam(candidate.Key, candidate.Name)).ToList();
        }, cancellationToken);
        var asOf = replies.Moment(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        return TypedResults.Ok(new DashboardView(asker.User!.Key, language, period ?? ReportPeriod.DefaultKey, asOf, teams, metrics));
    }

    private static async Task<Results<Ok<DashboardRecords>, ProblemHttpResult>> DetailsAsync(
        HttpContext http, string? user, string? metric, string? period, string? team, string? lang,
        ListMetricRecords records, ICrmStore store, ReportReplies replies, IReportExportLinks exports, CancellationToken cancellationToken)
    {
        if (await WhoAsync(http, user, store, cancellationToken) is not { } asker)
        {
            return NotSignedIn();
        }

        if (asker.Problem is { } refused)
        {
            return refused;
        }

        var language = lang is "zh" or "en" ? lang : asker.User!.Language;
        var listed = await records.HandleAsync(new Actor(asker.User!, "dashboard", null), new MetricRequest(metric, period, string.IsNullOrWhiteSpace(team) ? null : team), cancellationToken);
        if (!listed.IsSuccess)
        {
            return Problem(listed.Error!);
        }

        var found = listed.Value!;
        return TypedResults.Ok(new DashboardRecords(found.Answer.Metric.Id, found.Answer.Metric.Name(language), found.Total,
        [
            .. found.Rows.Select(row => new DashboardRow(
                row.Lead.Number, row.Lead.Name, row.Lead.Company, row.OwnerName ?? ReportReplies.PoolName(language), ReportReplies.StageName(row.Lead.Stage, language),
                row.Lead.LastFollowUpAt is { } last ? replies.Moment(last) : null, row.Detail)),
        ], new Uri(exports.For(asker.User!.Key, new MetricRequest(metric, period, string.IsNullOrWhiteSpace(team) ? null : team), language)).PathAndQuery));
    }

    private sealed record Asker(User? User, ProblemHttpResult? Problem);

    /// <summary>The sidebar's signed-in member, else <c>?user=</c> where the web chat is on; null when neither says who.</summary>
    private static async Task<Asker?> WhoAsync(HttpContext http, string? user, ICrmStore store, CancellationToken cancellationToken)
    {
        User? found = null;
        if (http.RequestServices.GetService<SidebarSessions>()?.Current(http) is { } session)
        {
            found = await store.ReadAsync(read => read.People.FindUserByIdentity(WeComChannel.Name, session.UserId), cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(user) && WebChatIsOn(http))
        {
            found = await store.ReadAsync(read => read.People.FindUser(user), cancellationToken);
        }
        else
        {
            return null;
        }

        return found switch
        {
            null => new Asker(null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a ChatCrm user.", detail: "Ask your admin to add you.")),
            { IsActive: false } => new Asker(null, DeactivatedAccounts.Refused()),
            _ => new Asker(found, null),
        };
    }

    private static bool WebChatIsOn(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled ?? http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();

    private static ProblemHttpResult NotSignedIn() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign in first.",
        detail: "Open the dashboard from the ChatCrm app in WeCom (or, where the web chat is on, add ?user=<login>).");

    private static ProblemHttpResult Problem(CrmError error) => error switch
    {
        UnknownMetric unknown => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown metric.", detail: $"There is no metric \"{unknown.Said}\"; see /metrics."),
        AmbiguousMetric ambiguous => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ambiguous metric.", detail: $"\"{ambiguous.Said}\" names {string.Join(" and ", ambiguous.Candidates.Select(metric => metric.Id))}."),
        UnknownPeriod unknown => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown period.", detail: $"\"{unknown.Said}\" is not a period: use this_week, last_month, this_quarter… or 2026-11-01..2026-11-15."),
        InvalidValue { Field: "team" } team => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown team.", detail: $"There is no team \"{team.Given}\"."),
        NotPermitted => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your reports scope.", detail: "You may not see reports for that team."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The report could not be made.", detail: error.Code),
    };
}
