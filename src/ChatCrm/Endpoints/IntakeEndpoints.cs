using ChatCrm.Core.Assignment;
using ChatCrm.Core.Intake;
using ChatCrm.Intake;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>The answer to an accepted intake request (201), and what a retry with its Idempotency-Key gets again.</summary>
/// <param name="Lead">The new lead, or the known one a duplicate was linked to.</param>
/// <param name="Assignment">"pending" for a new lead (the assignment engine picks it up); for a duplicate "owned", "offered" or "pool".</param>
public sealed record IntakeResponse(string Lead, bool Duplicate, string? DuplicateOf, string? MatchedBy, string Assignment, string? AssignedTo);

/// <summary>
/// <c>POST /api/intake/{source}</c>: a lead from a configured source. The request is counted at the
/// door, then its body read (at most 64 KB), its signature and timestamp checked, its fields read
/// and taken by <see cref="TakeIntakeLead"/>. Every refusal is counted and kept as the source's
/// last error; nothing is dropped without the sender being told why.
/// </summary>
public static class IntakeEndpoints
{
    /// <summary>A lead is a few hundred bytes; a body near this is not a form.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string TimestampHeader = "X-ChatCrm-Timestamp";
    public const string SignatureHeader = "X-ChatCrm-Signature";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intake/{source}", TakeAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<Results<Created<IntakeResponse>, ValidationProblem, ProblemHttpResult>> TakeAsync(
        string source, HttpContext http, IntakeTally tally, TakeIntakeLead take, AssignmentSignal assignment, IOptions<IntakeOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(IntakeEndpoints));
        // A request that reached a source is settled whatever its sender does: a client giving up must not look like a lost lead.
        var settle = CancellationToken.None;
        var arrival = await tally.ArriveAsync(source, settle);
        if (arrival is null)
        {
            var named = IntakeSource.IsValidKey(source) ? source : "(not a source key)";
            logger.LogWarning("Refused an intake request for unknown source {Source}", named);
            return TypedResults.Problem($"There is no intake source {named}.", statusCode: StatusCodes.Status404NotFound);
        }

        var (body, unread) = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return await RefuseAsync(arrival, unread!.Value.Status, unread.Value.Reason, tally, logger);
        }

        var request = http.Request;
        var refusal = IntakeSignature.Refusal(
            arrival.Source.Secret, request.Headers[TimestampHeader], request.Headers[SignatureHeader], body, clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.ClockSkewMinutes));
        if (refusal is not null)
        {
            return await RefuseAsync(arrival, StatusCodes.Status401Unauthorized, refusal, tally, logger);
        }

        if (!arrival.Source.Enabled)
        {
            return await RefuseAsync(arrival, StatusCodes.Status403Forbidden, "the source is off", tally, logger);
        }

        string? idempotencyKey = request.Headers[IdempotencyKeyHeader];
        if (idempotencyKey is not null && !TakeIntakeLead.IsValidIdempotencyKey(idempotencyKey))
        {
            await tally.RejectedAsync(arrival, "invalid Idempotency-Key", settle);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [IdempotencyKeyHeader] = [$"must be 1 to {TakeIntakeLead.MaxIdempotencyKeyLength} printable ASCII characters"] },
                title: "The request is not valid.");
        }

        var read = IntakeBody.Read(request.ContentType, body);
        if (read.Fields is null)
        {
            return await RefuseAsync(arrival, read.Status, read.Problem!, tally, logger);
        }

        return await SettleAsync(arrival, read.Fields, idempotencyKey, http, tally, take, assignment, logger);
    }

    private static async Task<Results<Created<IntakeResponse>, ValidationProblem, ProblemHttpResult>> SettleAsync(
        IntakeArrival arrival, IReadOnlyList<IntakeFieldValue> fields, string? idempotencyKey, HttpContext http, IntakeTally tally, TakeIntakeLead take, AssignmentSignal assignment, ILogger logger)
    {
        Core.Result<IntakeTaken> taken;
        try
        {
            taken = await take.HandleAsync(arrival, fields, idempotencyKey, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // No outcome is counted, so the reconciliation sees the gap; the last error says what happened meanwhile.
            logger.LogError(exception, "An intake request for {Source} failed after it was counted", arrival.Source.Key);
            await RecordFailureAsync(arrival, $"failed on our side ({exception.GetType().Name})", tally, logger);
            throw;
        }

        switch (taken.Error)
        {
            case null:
                var answer = taken.Value!.Answer;
                if (taken.Value.Replayed)
                {
                    http.Response.Headers[ReplayedHeader] = "true";
                }
                else if (!answer.Duplicate)
                {
                    // Committed with its assignment request: wake the engine so the offer is out within a second.
                    assignment.Raise();
                }

                logger.LogInformation(
                    "Intake {Source}: {Outcome} {LeadNumber}", arrival.Source.Key, taken.Value.Replayed ? "replayed" : answer.Duplicate ? "duplicate of" : "new lead", answer.LeadNumber);
                return TypedResults.Created((string?)null, new IntakeResponse(answer.LeadNumber, answer.Duplicate, answer.DuplicateOf, answer.MatchedBy, answer.Assignment, answer.AssignedTo));
            case IntakeFieldsInvalid invalid:
                logger.LogWarning("Refused an intake request for {Source}: invalid fields {Fields}", arrival.Source.Key, string.Join(", ", invalid.Errors.Keys));
                return TypedResults.ValidationProblem(invalid.Errors, detail: "Fix the fields named in errors and send the lead again.", title: "The lead's fields are not valid.");
            case IntakeSourceOff:
                return TypedResults.Problem("The source is switched off; ask the CRM's admins.", statusCode: StatusCodes.Status403Forbidden);
            default:
                throw new InvalidOperationException($"TakeIntakeLead answered {taken.Error.Code}, which the endpoint does not know.");
        }
    }

    private static async Task<Results<Created<IntakeResponse>, ValidationProblem, ProblemHttpResult>> RefuseAsync(
        IntakeArrival arrival, int status, string reason, IntakeTally tally, ILogger logger)
    {
        logger.LogWarning("Refused an intake request for {Source} ({Status}): {Reason}", arrival.Source.Key, status, reason);
        await tally.RejectedAsync(arrival, reason, CancellationToken.None);
        var detail = status == StatusCodes.Status403Forbidden ? "The source is switched off; ask the CRM's admins." : char.ToUpperInvariant(reason[0]) + reason[1..] + ".";
        return TypedResults.Problem(detail, statusCode: status);
    }

    private static async Task RecordFailureAsync(IntakeArrival arrival, string reason, IntakeTally tally, ILogger logger)
    {
        try
        {
            await tally.FailedAsync(arrival, reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not keep the last error of intake source {Source}", arrival.Source.Key);
        }
    }

    /// <summary>The raw body, counted as it is read (not every host enforces the size limit), or why it could not be read.</summary>
    private static async Task<(byte[]? Body, (int Status, string Reason)? Unread)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = (StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return (null, tooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Counted as refused like any other: only our own failures may leave a request unsettled.
            return (null, (StatusCodes.Status400BadRequest, "the body was not received whole (the sender gave up)"));
        }

        return (buffer.ToArray(), null);
    }
}
