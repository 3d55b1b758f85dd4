namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// WeCom's web sign-in for pages opened inside WeCom (网页授权登录): the member's client follows the
/// authorize URL and comes back to the page with <c>code</c> and <c>state</c>, and the server
/// exchanges the code for the member's userid (<c>auth/getuserinfo</c>). <c>snsapi_base</c> asks
/// for nothing but the userid, so the member is not prompted.
/// </summary>
public static class SidebarOAuth
{
    public const string AuthorizeEndpoint = "https://open.weixin.qq.com/connect/oauth2/authorize";

    /// <summary>The query keys WeCom adds on the way back; the page's own address is the rest.</summary>
    public static readonly IReadOnlyList<string> ReturnKeys = ["code", "state"];

    /// <param name="redirectUri">The page to come back to, on a domain trusted for the app's web sign-in.</param>
    public static string AuthorizeUrl(string corpId, int agentId, string redirectUri, string state) =>
        // In the order WeCom documents, ending in #wechat_redirect, which its client looks for.
        $"{AuthorizeEndpoint}?appid={Uri.EscapeDataString(corpId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}"
        + $"&response_type=code&scope=snsapi_base&state={Uri.EscapeDataString(state)}&agentid={agentId}#wechat_redirect";
}
