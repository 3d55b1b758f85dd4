using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Sidebar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>What the sidebar page sends: in which chat, and a follow-up typed in a sentence or a button's payload.</summary>
/// <param name="Context"><c>contact:{external_userid}</c> or <c>group:{chat_id}</c>.</param>
/// <param name="Id">The page's id for the request: a retry with the same id changes nothing twice.</param>
public sealed record SidebarTurnRequest(string? Context, string? Text, Dictionary<string, string>? Action, string? Id);

public sealed record SidebarTurnResponse(IReadOnlyList<ChatReply> Replies);

/// <summary>
/// The WeCom chat sidebar (聊天工具栏): its page, the member's sign-in (WeCom OAuth, or a development
/// login), and the API the page calls as the signed-in member. Every change is a turn through the
/// conversation pipeline; the lead view is the core's read-only <c>ShowLead</c>.
/// </summary>
public static class SidebarEndpoints
{
    /// <summary>As the web chat's: a 2,000-character message in any script, with room for the JSON around it.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    private const int MaxIdLength = 100;
    private const int MaxActionEntries = 20;
    private const int MaxActionKeyLength = 40;
    private const int MaxUrlLength = 2048;

    private const string ContextRule = "Say which chat: \"contact:{external_userid}\" or \"group:{chat_id}\", as WeCom's JS-SDK gives them.";

    /// <summary>
    /// Maps the sidebar when the WeCom channel is on (sign-in through WeCom) or its development login
    /// is; otherwise maps nothing. Refuses to start with WeCom on but no WeCom API client to sign in with.
    /// </summary>
    public static IEndpointRouteBuilder MapSidebar(this IEndpointRouteBuilder app)
    {
        var weCom = app.ServiceProvider.GetRequiredService<IOptions<WeComOptions>>().Value;
        var sidebar = app.ServiceProvider.GetRequiredService<IOptions<SidebarOptions>>().Value;
        if (!SidebarSetup.IsSidebarOn(weCom, sidebar))
        {
            return app;
        }

        // Served whenever the sidebar is on, web chat or not, from the wwwroot built beside the binary.
        var files = Path.Combine(AppContext.BaseDirectory, "wwwroot", "sidebar");
        var page = app.MapGroup("/sidebar").AddEndpointFilter(NoCacheAsync);
        page.MapGet("", SidebarSignIn.OpenAsync);
        page.MapGet("/sidebar.js", () => TypedResults.PhysicalFile(Path.Combine(files, "sidebar.js"), "text/javascript; charset=utf-8"));
        // The reply drawing the web chat uses too, served here because the sidebar runs without the web chat.
        page.MapGet("/reply.js", () => TypedResults.PhysicalFile(Path.Combine(AppContext.BaseDirectory, "wwwroot", "common", "reply.js"), "text/javascript; charset=utf-8"));
        page.MapGet("/sidebar.css", () => TypedResults.PhysicalFile(Path.Combine(files, "sidebar.css"), "text/css; charset=utf-8"));

        var api = app.MapGroup("/api/sidebar");
        api.AddEndpointFilter(DeactivatedAccounts.SidebarFilterAsync);
        api.MapGet("/lead", LeadAsync);
        api.MapPost("/turn", TurnAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        if (weCom.Enabled)
        {
            api.MapGet("/jsapi-config", JsApiConfigAsync);
        }

        if (sidebar.DevLogin)
        {
            page.MapGet("/dev-login", SidebarSignIn.DevLogin);
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SidebarEndpoints))
                .LogWarning("The WeCom sidebar's development login is ON ({Setting}): /sidebar/dev-login signs anyone in as any WeCom userid. For development only.", $"{SidebarOptions.SectionName}:DevLogin");
        }

        return app;
    }

    private static ValueTask<object?> NoCacheAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // WeCom's web view keeps pages; revalidate so a new version (and a new sign-in) shows up.
        context.HttpContext.Response.Headers.CacheControl = "no-cache";
        return next(context);
    }

    private static async Task<Results<Ok<SidebarView>, ValidationProblem, ProblemHttpResult>> LeadAsync(
        HttpContext http, string? context, SidebarSessions sessions, SidebarLeads leads, CancellationToken cancellationToken)
    {
        if (sessions.Current(http) is not { } session)
        {
            return NotSignedIn();
        }

        if (SidebarContext.Parse(context) is not { } chat)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["context"] = [ContextRule] });
        }

        var view = await leads.ForMemberAsync(session.UserId, chat, cancellationToken);
        return view is null ? NotACrmUser(session.UserId) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<SidebarTurnResponse>, ValidationProblem, ProblemHttpResult>> TurnAsync(
        HttpContext http, SidebarTurnRequest request, SidebarSessions sessions, SidebarTurns turns, CancellationToken cancellationToken)
    {
        // The cookie is SameSite=None, so this endpoint reads JSON only: a cross-site form cannot send
        // application/json, and a cross-site fetch that does is stopped by CORS (none is allowed).
        if (sessions.Current(http) is not { } session)
        {
            return NotSignedIn();
        }

        var errors = TurnErrors(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var replies = await turns.HandleAsync(session.UserId, SidebarContext.Parse(request.Context)!, request.Id!, request.Text, request.Action, cancellationToken);
        return TypedResults.Ok(new SidebarTurnResponse(replies));
    }

    private static Dictionary<string, string[]> TurnErrors(SidebarTurnRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (SidebarContext.Parse(request.Context) is null)
        {
            errors["context"] = [ContextRule];
        }

        if (string.IsNullOrWhiteSpace(request.Id) || request.Id.Length > MaxIdLength)
        {
            errors["id"] = [$"Give each request an id of 1 to {MaxIdLength} characters; a retry sends the same id."];
        }

        if (request.Text is null == request.Action is null)
        {
            errors["text"] = ["Send either \"text\" (a follow-up in a sentence) or \"action\" (a button's payload), not both or neither."];
        }
        else if (request.Action is { } action
            && (action.Count > MaxActionEntries
                || action.Any(entry => entry.Key.Length > MaxActionKeyLength || entry.Value is null || entry.Value.Length > ConversationPipeline.MaxTextLength)
                || IntentPayload.Read(action) is null))
        {
            errors["action"] = ["The action is not a request ChatCrm knows: send a button's payload as it came, such as {\"do\": \"link_chat\", \"lead\": \"王总\"}."];
        }

        return errors;
    }

    private static async Task<Results<Ok<SidebarJsApiConfig>, ValidationProblem, ProblemHttpResult>> JsApiConfigAsync(
        HttpContext http, string? url, SidebarSessions sessions, SidebarJsApi jsApi, IOptions<SidebarOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (sessions.Current(http) is null)
        {
            return NotSignedIn();
        }

        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var page) || !IsOurOrigin(page, http.Request, options.Value))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["url"] = ["Give the sidebar page's own address (location.href), on this server."],
            });
        }

        try
        {
            return TypedResults.Ok(await jsApi.ForPageAsync(url, cancellationToken));
        }
        catch (WeComApiException failure)
        {
            loggers.CreateLogger(typeof(SidebarEndpoints)).LogWarning("WeCom refused a JS-SDK ticket: {ErrorCode} {ErrorMessage}", failure.ErrorCode, failure.ErrorMessage);
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WeCom did not give a JS-SDK ticket.", detail: "Try again in a moment.");
        }
    }

    private static ProblemHttpResult NotSignedIn() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Not signed in to the sidebar.",
        detail: "Open the sidebar again from WeCom to sign in.");

    // The member needs the exact line to send their admin, as the bot tells a stranger in chat.
    private static ProblemHttpResult NotACrmUser(string userId) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Not a ChatCrm user.",
        detail: $"You're not a ChatCrm user yet. Send your admin this line: /admin user link <your login> {WeComChannel.Name} {userId}",
        extensions: new Dictionary<string, object?> { ["adminLine"] = $"/admin user link <login> {WeComChannel.Name} {userId}" });

    private static bool IsOurOrigin(Uri page, HttpRequest request, SidebarOptions options)
    {
        if (page.Scheme is not ("https" or "http"))
        {
            return false;
        }

        var origin = options.PublicBaseUrl is { Length: > 0 } configured ? new Uri(configured) : new Uri($"{request.Scheme}://{request.Host}");
        return string.Equals(page.Host, origin.Host, StringComparison.OrdinalIgnoreCase) && page.Port == origin.Port;
    }
}
