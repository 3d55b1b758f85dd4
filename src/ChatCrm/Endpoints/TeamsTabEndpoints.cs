using ChatCrm.Channels.Teams.Tab;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

/// <summary>
/// The Teams "My leads" personal tab: its page (the manifest's contentUrl, framed by Teams) and the
/// API it calls with the person's Teams SSO token. With Teams authentication off (development) the
/// API trusts <c>?user=</c> instead, like the web chat.
/// </summary>
public static class TeamsTabEndpoints
{
    /// <summary>
    /// The hosts Microsoft lists for Teams and Microsoft 365 apps to be framed by (Teams, the
    /// Microsoft 365 app, Outlook, and *.cloud.microsoft they are moving to).
    /// </summary>
    public const string FrameAncestors =
        "frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft"
        + " https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com"
        + " https://outlook-sdf.office.com https://outlook-sdf.office365.com";

    public static IEndpointRouteBuilder MapTeamsTab(this IEndpointRouteBuilder app)
    {
        // Served whenever Teams is on, web chat or not, from the wwwroot built beside the binary.
        var files = Path.Combine(AppContext.BaseDirectory, "wwwroot", "tabs");
        var page = app.MapGroup("/tabs").AddEndpointFilter(AllowTeamsToFrameAsync);
        page.MapGet("/my-leads", () => TypedResults.PhysicalFile(Path.Combine(files, "my-leads.html"), "text/html; charset=utf-8"));
        page.MapGet("/my-leads.js", () => TypedResults.PhysicalFile(Path.Combine(files, "my-leads.js"), "text/javascript; charset=utf-8"));
        page.MapGet("/my-leads.css", () => TypedResults.PhysicalFile(Path.Combine(files, "my-leads.css"), "text/css; charset=utf-8"));
        app.MapGet("/api/tabs/my-leads", ListMyLeadsAsync);

        if (!app.ServiceProvider.GetRequiredService<TabTokenValidator>().IsEnabled)
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsTabEndpoints))
                .LogWarning("Teams authentication is OFF (no ChatCrm:Teams:MicrosoftAppId): the My leads tab trusts ?user= to say who is asking. For development only.");
        }

        return app;
    }

    private static ValueTask<object?> AllowTeamsToFrameAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = FrameAncestors;
        // Teams keeps tab pages a long time; ask it to revalidate so a new version shows up.
        headers.CacheControl = "no-cache";
        return next(context);
    }

    private static async Task<Results<Ok<MyLeadsView>, ValidationProblem, ProblemHttpResult>> ListMyLeadsAsync(
        HttpContext context, string? user, TabTokenValidator validator, MyLeadsTab tab, DeactivatedAccounts deactivated, CancellationToken cancellationToken)
    {
        MyLeadsView? leads;
        if (validator.IsEnabled)
        {
            var signIn = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken);
            if (!signIn.IsAuthenticated)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Teams sign-in failed.", detail: signIn.Reason);
            }

            leads = await tab.ForTeamsUserAsync(signIn.ObjectId!, cancellationToken);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(user))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["user"] = ["Teams sign-in is off here: say whose leads with ?user=alice."],
                });
            }

            leads = await tab.ForCrmUserAsync(user.Trim(), cancellationToken);
        }

        if (leads is not null && await deactivated.IsDeactivatedAsync(leads.User, cancellationToken))
        {
            return DeactivatedAccounts.Refused();
        }

        return leads is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not a ChatCrm user.",
                detail: "You're not a ChatCrm user yet. Please ask your admin to add you and link your Teams account.")
            : TypedResults.Ok(leads);
    }
}
