using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCrm.Endpoints;

/// <summary>
/// The short pages <c>/sidebar</c> shows instead of itself when it cannot sign the member in. They
/// say it in Chinese and English: before sign-in the member's CRM language is not known.
/// </summary>
internal static class SidebarNotices
{
    public static ContentHttpResult NotAMember() => Page(StatusCodes.Status403Forbidden,
        "抱歉,只有本企业的成员可以使用 ChatCrm 侧边栏。",
        "Sorry, the ChatCrm sidebar is for members of this company only.");

    public static ContentHttpResult SignInExpired(string retryUrl) => Page(StatusCodes.Status400BadRequest,
        "登录链接已过期或已经用过。请重新打开侧边栏。",
        "The sign-in link expired or was used already. Please open the sidebar again.",
        retryUrl);

    public static ContentHttpResult WeComUnavailable(string retryUrl) => Page(StatusCodes.Status502BadGateway,
        "暂时无法通过企业微信登录,请稍后再试。",
        "WeCom sign-in isn't answering right now. Please try again in a moment.",
        retryUrl);

    public static ContentHttpResult OpenFromWeCom(bool devLoginOn) => Page(StatusCodes.Status401Unauthorized,
        "请在企业微信里,从客户聊天的工具栏打开 ChatCrm。",
        "Please open ChatCrm from the toolbar of a customer chat in WeCom."
            + (devLoginOn ? " For development: /sidebar/dev-login?user=alice&contact=wmEXAMPLE" : string.Empty));

    private static ContentHttpResult Page(int status, string zh, string en, string? retryUrl = null)
    {
        var retry = retryUrl is null ? string.Empty
            : $"<p><a href=\"{WebUtility.HtmlEncode(retryUrl)}\">重新打开 · Open again</a></p>";
        var html = $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>ChatCrm</title>
              <link rel="icon" href="data:,">
              <style>
                body { margin: 0; font-family: system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; background: #f4f5f7; color: #1d1f23; }
                header { padding: .6rem 1rem; background: #1f4e8c; color: #fff; font-weight: 600; }
                main { padding: 1rem; line-height: 1.5; }
                p { margin: 0 0 .6rem; }
                a { color: #1f4e8c; }
              </style>
            </head>
            <body>
              <header>ChatCrm</header>
              <main role="status">
                <p lang="zh-CN">{{WebUtility.HtmlEncode(zh)}}</p>
                <p lang="en">{{WebUtility.HtmlEncode(en)}}</p>
                {{retry}}
              </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
