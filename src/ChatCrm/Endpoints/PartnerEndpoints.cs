using System.Text;
using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Partners;
using ChatCrm.Intake;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>A follow-up a partner logs: what happened, and how they reached the customer (call, visit, wechat, email, meeting).</summary>
public sealed record PartnerFollowUpRequest(string? Summary, string? Channel);

public sealed record PartnerFollowUpLogged(string Lead, Guid FollowUp, DateTimeOffset At);

/// <summary>The partner scope an endpoint needs; <see cref="PartnerEndpoints"/> checks it before the handler runs.</summary>
public sealed record PartnerScope(string Name);

/// <summary>
/// The partner API: endpoints external service providers call with a key an admin made
/// (<c>/admin partner key add</c>). Every request carries <c>X-ChatCrm-Key: {id}.{secret}</c>,
/// <c>X-ChatCrm-Timestamp</c> and <c>X-ChatCrm-Signature: sha256=hex(HMAC-SHA256(signing key,
/// timestamp + "." + METHOD + " " + path + "." + body))</c>, the signing key being hex
/// HMAC-SHA256(secret, "chatcrm-signing") (<see cref="PartnerKey.SigningKeyOf"/>). A bad or absent
/// key or signature, a revoked key or a deactivated owner is 401; a key without the endpoint's
/// scope 403; past the key's rate 429 with Retry-After. A partner sees only leads its user's
/// rights reach; any other lead is 404, as one that does not exist.
/// </summary>
public static class PartnerEndpoints
{
    public const string KeyHeader = "X-ChatCrm-Key";
    public const string RateLimitPolicy = "partner-key";

    private const int MaxBodyBytes = 16 * 1024;
    private static readonly object CallerItem = new();

    public static WebApplication MapPartnerApi(this WebApplication app)
    {
        app.Use(AuthenticateAsync);
        app.UseRateLimiter();
        var api = app.MapGroup("/api/partner").RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/leads/{number}/status", LeadStatusAsync).WithMetadata(new PartnerScope(PartnerScopes.LeadStatusRead));
        api.MapPost("/leads/{number}/followups", LogFollowUpAsync).WithMetadata(new PartnerScope(PartnerScopes.FollowUpWrite));
        return app;
    }

    /// <summary>The authenticated caller of a partner endpoint; null before authentication or elsewhere.</summary>
    public static PartnerCaller? CallerOf(HttpContext http) => http.Items.TryGetValue(CallerItem, out var caller) ? caller as PartnerCaller : null;

    /// <summary>The text a request's signature covers after the timestamp and its dot.</summary>
    public static byte[] SignedContent(string method, string path, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(method.ToUpperInvariant() + " " + path + ".");
        return [.. head, .. body];
    }

    private static async Task<Results<Ok<PartnerLeadStatus>, ProblemHttpResult>> LeadStatusAsync(string number, HttpContext http, ReadPartnerLeadStatus read, CancellationToken cancellationToken)
    {
        var caller = CallerOf(http)!;
        var status = await read.HandleAsync(caller.Owner!, number, cancellationToken);
        return status.Error switch
        {
            null => TypedResults.Ok(status.Value!),
            LeadNotFound => NoSuchLead(),
            _ => throw new InvalidOperationException($"ReadPartnerLeadStatus answered {status.Error.Code}, which the endpoint does not know."),
        };
    }

    private static async Task<Results<Created<PartnerFollowUpLogged>, ValidationProblem, ProblemHttpResult>> LogFollowUpAsync(
        string number, HttpContext http, LogFollowUp logFollowUp, CancellationToken cancellationToken)
    {
        var caller = CallerOf(http)!;
        PartnerFollowUpRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PartnerFollowUpRequest>(http.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            request = null;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Summary) || request.Summary.Length > ConversationPipeline.MaxTextLength)
        {
            errors["summary"] = [$"Say what happened in 1 to {ConversationPipeline.MaxTextLength} characters."];
        }

        ContactChannel? channel = null;
        if (request?.Channel is { } named)
        {
            if (!Enum.TryParse<ContactChannel>(named, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                errors["channel"] = ["One of call, visit, wechat, email, meeting; or leave it out."];
            }

            channel = parsed;
        }

        string? idempotencyKey = http.Request.Headers[IntakeEndpoints.IdempotencyKeyHeader];
        if (idempotencyKey is not null && !TakeIntakeLead.IsValidIdempotencyKey(idempotencyKey))
        {
            errors[IntakeEndpoints.IdempotencyKeyHeader] = [$"1 to {TakeIntakeLead.MaxIdempotencyKeyLength} printable ASCII characters."];
        }

        if (errors.Count > 0 || !LeadNumber.IsLeadNumber(number))
        {
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The follow-up is not valid.") : NoSuchLead();
        }

        // A retry with the same Idempotency-Key is recorded once, as a chat message id is.
        var actor = new Actor(caller.Owner!, "partner", null, idempotencyKey is null ? null : $"partner:{caller.Key!.Id}:{idempotencyKey}");
        var logged = await logFollowUp.HandleAsync(actor, new FollowUpReport(number.Trim().ToUpperInvariant(), channel, null, null, request!.Summary!), CancellationToken.None);
        return logged.Error switch
        {
            null => TypedResults.Created((string?)null, new PartnerFollowUpLogged(logged.Value!.After.Number, logged.Value.FollowUp.Id, logged.Value.FollowUp.At)),
            AlreadyHandled => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This Idempotency-Key was used already; the follow-up was logged then."),
            LeadNotFound or NoLeadInContext or AmbiguousLead => NoSuchLead(),
            NotPermitted or NotOwned => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This partner may not log follow-ups on this lead."),
            _ => throw new InvalidOperationException($"LogFollowUp answered {logged.Error.Code}, which the endpoint does not know."),
        };
    }

    private static ProblemHttpResult NoSuchLead() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such lead.", detail: "No lead with this number that this key may read.");

    // Runs for partner endpoints only (those with a PartnerScope), before the rate limiter, so only authenticated keys spend a budget.
    private static async Task AuthenticateAsync(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<PartnerScope>() is not { } scope)
        {
            await next(http);
            return;
        }

        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PartnerEndpoints));
        var caller = await services.GetRequiredService<PartnerAccess>().AuthenticateAsync(http.Request.Headers[KeyHeader], http.RequestAborted);
        if (caller.Refusal is not null)
        {
            logger.LogWarning("Refused a partner request to {Path}: key absent, unknown, wrong, revoked or of a deactivated user", http.Request.Path);
            await NotAuthenticated("Send a valid, active key in X-ChatCrm-Key.").ExecuteAsync(http);
            return;
        }

        var body = await RequestBodies.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body must be at most {MaxBodyBytes} bytes, received whole.").ExecuteAsync(http);
            return;
        }

        // The handler reads the body again (a POST's JSON).
        http.Request.Body = new MemoryStream(body);
        var request = http.Request;
        var refusal = IntakeSignature.Refusal(
            caller.SigningKey!, request.Headers[IntakeEndpoints.TimestampHeader], request.Headers[IntakeEndpoints.SignatureHeader],
            SignedContent(request.Method, request.Path.ToUriComponent(), body), services.GetRequiredService<TimeProvider>().GetUtcNow(),
            TimeSpan.FromMinutes(services.GetRequiredService<IOptions<IntakeOptions>>().Value.ClockSkewMinutes));
        if (refusal is not null)
        {
            logger.LogWarning("Refused a partner request with key {KeyId}: {Reason}", caller.Key!.Id, refusal);
            await NotAuthenticated(char.ToUpperInvariant(refusal[0]) + refusal[1..] + ".").ExecuteAsync(http);
            return;
        }

        if (!caller.Key!.Allows(scope.Name))
        {
            logger.LogWarning("Refused a partner request with key {KeyId}: it lacks scope {Scope}", caller.Key.Id, scope.Name);
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not call this endpoint.", detail: $"It needs the scope {scope.Name}; ask the CRM's admins.").ExecuteAsync(http);
            return;
        }

        http.Items[CallerItem] = caller;
        await next(http);
    }

    private static ProblemHttpResult NotAuthenticated(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The request is not authenticated.", detail: detail);
}
