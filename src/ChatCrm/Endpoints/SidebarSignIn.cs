using System.Text.RegularExpressions;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>
/// Who opens the sidebar: a member signed in already gets the page; otherwise WeCom's OAuth signs
/// them in (out to WeCom with an anti-forgery state, back with a code the app exchanges for their
/// userid), or, in development, the dev login does. <see cref="SidebarEndpoints"/> maps these.
/// </summary>
internal static partial class SidebarSignIn
{
    /// <summary>The page for a signed-in member; otherwise WeCom's sign-in, or coming back from it with a code.</summary>
    public static async Task<Results<PhysicalFileHttpResult, RedirectHttpResult, ContentHttpResult>> OpenAsync(
        HttpContext http, string? code, string? state, SidebarSessions sessions,
        IOptions<WeComOptions> weComOptions, IOptions<SidebarOptions> sidebarOptions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (sessions.Current(http) is not null)
        {
            return TypedResults.PhysicalFile(Path.Combine(AppContext.BaseDirectory, "wwwroot", "sidebar", "index.html"), "text/html; charset=utf-8");
        }

        var weCom = weComOptions.Value;
        if (!weCom.Enabled)
        {
            return SidebarNotices.OpenFromWeCom(sidebarOptions.Value.DevLogin);
        }

        var retry = LocalPageAddress(http.Request);
        if (code is null)
        {
            var returnTo = PublicPageAddress(http.Request, sidebarOptions.Value);
            return TypedResults.Redirect(SidebarOAuth.AuthorizeUrl(weCom.CorpId!, weCom.AgentId!.Value, returnTo, sessions.BeginOAuth(http)));
        }

        if (!sessions.EndOAuth(http, state))
        {
            return SidebarNotices.SignInExpired(retry);
        }

        string? userId;
        try
        {
            userId = await http.RequestServices.GetRequiredService<IWeComApi>().GetUserIdByCodeAsync(code, cancellationToken);
        }
        catch (WeComApiException failure)
        {
            loggers.CreateLogger(typeof(SidebarSignIn)).LogWarning("WeCom refused a sidebar sign-in code: {ErrorCode} {ErrorMessage}", failure.ErrorCode, failure.ErrorMessage);
            return SidebarNotices.WeComUnavailable(retry);
        }

        if (string.IsNullOrEmpty(userId))
        {
            return SidebarNotices.NotAMember();
        }

        sessions.SignIn(http, userId);
        await AuditAsync(http, userId, cancellationToken);
        // Back to the page without code and state, so a reload does not spend the code again.
        return TypedResults.Redirect(retry);
    }

    /// <summary>The development login: signs in as a WeCom userid and opens the page for a chat named in the query.</summary>
    public static async Task<Results<RedirectHttpResult, ValidationProblem>> DevLogin(
        HttpContext http, string? user, string? contact, string? group, string? lang, SidebarSessions sessions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (user is null || !DevUserId().IsMatch(user))
        {
            errors["user"] = ["Say whose WeCom userid to sign in as: ?user=alice."];
        }

        var context = (contact, group) switch
        {
            ({ } id, null) => SidebarContext.Of(SidebarContext.ContactKind, id),
            (null, { } id) => SidebarContext.Of(SidebarContext.GroupKind, id),
            _ => null,
        };
        if (context is null)
        {
            errors["contact"] = ["Say which chat, in place of WeCom's JS-SDK: either ?contact={external_userid} or ?group={chat_id}."];
        }

        if (lang is not (null or "zh" or "en"))
        {
            errors["lang"] = ["lang is zh or en."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        sessions.SignIn(http, user!);
        await AuditAsync(http, user!, cancellationToken);
        var query = QueryString.Create(context!.Kind, context.Id);
        if (lang is not null)
        {
            query = query.Add("lang", lang);
        }

        return TypedResults.Redirect($"{http.Request.PathBase}/sidebar{query}");
    }

    /// <summary>This page's address for WeCom to send the member back to: public, absolute, without code and state.</summary>
    private static Task AuditAsync(HttpContext http, string userId, CancellationToken cancellationToken) =>
        http.RequestServices.GetRequiredService<RecordSignIn>().RecordAsync(
            WeComChannel.Name, userId, ActorOrigin.Of(http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString()), cancellationToken);

    private static string PublicPageAddress(HttpRequest request, SidebarOptions options)
    {
        var root = options.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root + "/sidebar" + QueryWithoutReturnKeys(request);
    }

    private static string LocalPageAddress(HttpRequest request) => $"{request.PathBase}/sidebar{QueryWithoutReturnKeys(request)}";

    private static QueryString QueryWithoutReturnKeys(HttpRequest request) =>
        QueryString.Create(request.Query.Where(parameter => !SidebarOAuth.ReturnKeys.Contains(parameter.Key)));

    // Demo userids are the CRM keys (alice, wang); real ones are letters, digits and a few marks.
    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$")]
    private static partial Regex DevUserId();
}
