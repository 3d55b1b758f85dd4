using System.Text;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Callback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>WeCom's callback URL: verification (GET) and messages (POST), each a one-line delegate to <see cref="WeComCallback"/>.</summary>
public static class WeComEndpoints
{
    /// <summary>WeCom's encrypted messages are a few kilobytes; anything near this is not from WeCom.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/wecom/callback", Verify);
        app.MapPost("/api/wecom/callback", AcceptAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    public static bool IsWeComEnabled(this WebApplication app) => app.Services.GetRequiredService<IOptions<WeComOptions>>().Value.Enabled;

    private static Results<ContentHttpResult, ProblemHttpResult> Verify(
        [FromQuery(Name = "msg_signature")] string? signature, string? timestamp, string? nonce, string? echostr, WeComCallback callback) =>
        ToResult(callback.VerifyUrl(signature, timestamp, nonce, echostr));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> AcceptAsync(
        [FromQuery(Name = "msg_signature")] string? signature, string? timestamp, string? nonce, HttpRequest request, WeComCallback callback, CancellationToken cancellationToken)
    {
        // Counted here as well as by the server's limit, which not every host enforces.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return ToResult(await callback.AcceptAsync(signature, timestamp, nonce, body, cancellationToken));
    }

    private static Results<ContentHttpResult, ProblemHttpResult> ToResult(WeComAnswer answer) => answer switch
    {
        { Problem: { } problem } => TypedResults.Problem(problem, statusCode: answer.Status),
        _ => TypedResults.Text(answer.Text ?? string.Empty, "text/plain", Encoding.UTF8, answer.Status),
    };
}
