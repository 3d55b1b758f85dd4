using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Teams.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>The Bot Framework messaging endpoint: a one-line delegate to the Teams adapter.</summary>
public static class TeamsEndpoints
{
    /// <summary>Teams activities are small; a card submit with its data stays far below this.</summary>
    private const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        // The app package's developer links: Teams shows them on the app's details page.
        app.MapGet("/privacy", () => TypedResults.Content(PrivacyPage, "text/html; charset=utf-8"));
        app.MapGet("/terms", () => TypedResults.Content(TermsPage, "text/html; charset=utf-8"));
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!options.IsAuthenticationEnabled())
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints))
                .LogWarning("Teams authentication is OFF (no ChatCrm:Teams:MicrosoftAppId): /api/messages accepts requests without a token. For the Emulator and the Agents Playground only.");
        }

        return app;
    }

    private const string PrivacyPage = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>ChatCrm privacy</title>
        <h1>ChatCrm privacy · 隐私说明</h1>
        <p>This ChatCrm is run by your organisation on its own server; nothing is sent to the makers of ChatCrm.
        It keeps what you tell the bot (leads, follow-ups, reminders), who changed what and when (the audit trail),
        and the Teams ids it needs to answer you and to message you on its own. Ask your ChatCrm admin what is kept,
        for how long, and to see or remove what is about you.</p>
        <p>ChatCrm 由贵公司在自己的服务器上运行,不会把数据发给 ChatCrm 的开发者。它保存你告诉机器人的内容(线索、跟进、提醒)、
        谁在何时改了什么(审计记录),以及回复你和主动通知你所需的 Teams 标识。保存哪些数据、保存多久、查看或删除与你有关的数据,请联系 ChatCrm 管理员。</p>
        </html>
        """;

    private const string TermsPage = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>ChatCrm terms of use</title>
        <h1>ChatCrm terms of use · 使用条款</h1>
        <p>Your organisation provides this ChatCrm for its sales work and sets the rules for using it; ask your ChatCrm admin.</p>
        <p>本 ChatCrm 由贵公司提供,用于销售工作,使用规则由贵公司制定;如有疑问请联系 ChatCrm 管理员。</p>
        </html>
        """;

    private static async Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> HandleAsync(HttpRequest request, TeamsAdapter adapter, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var answer = await adapter.HandleAsync(request.Headers.Authorization.ToString(), body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
        return answer switch
        {
            { Problem: { } problem } => TypedResults.Problem(problem, statusCode: answer.Status),
            { Json: { } json } => TypedResults.Content(json, "application/json", statusCode: answer.Status),
            _ => TypedResults.Ok(),
        };
    }
}
