using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

/// <summary>
/// Keeps offboarded people out of the sidebar and the Teams tab: their requests get 403 problem
/// details, decided on the store's committed people (the cache is dropped on every commit that
/// changes a person), so the refusal counts from the offboarding's commit on.
/// </summary>
public sealed class DeactivatedAccounts(ICrmStore store)
{
    public static ProblemHttpResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "This ChatCrm account is deactivated.",
        detail: "Your ChatCrm account has been deactivated; please contact your admin. 你的 ChatCrm 账号已停用,如有疑问请联系管理员。",
        // The sidebar page words it in the member's language.
        extensions: new Dictionary<string, object?> { ["deactivated"] = true });

    public Task<bool> IsDeactivatedAsync(string userKey, CancellationToken cancellationToken) =>
        store.ReadAsync(session => session.People.FindUser(userKey) is { IsActive: false }, cancellationToken);

    /// <summary>For the sidebar's API: the signed-in member, by WeCom userid.</summary>
    public static async ValueTask<object?> SidebarFilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<SidebarSessions>().Current(http) is { } session)
        {
            var store = http.RequestServices.GetRequiredService<ICrmStore>();
            if (await store.ReadAsync(read => read.People.FindUserByIdentity(WeComChannel.Name, session.UserId) is { IsActive: false }, http.RequestAborted))
            {
                return Refused();
            }
        }

        return await next(context);
    }
}
