using System.Text.Json;
using ChatCrm.Core;
using ChatCrm.Core.Offboarding;
using ChatCrm.Intake;
using ChatCrm.Offboarding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCrm.Endpoints;

/// <summary>What HR's system sends when someone leaves: their login, and where their leads go ("manager" or "pool"; default the install's).</summary>
public sealed record HrOffboardRequest(string? User, string? Leads);

/// <summary>What was done (or, for a retry, that it was done before).</summary>
/// <param name="TeamsStillManaged">Teams that still name the person as manager: the CRM's admins give each a new one.</param>
public sealed record HrOffboardResponse(
    string User,
    DateTimeOffset DeactivatedAt,
    bool AlreadyDeactivated,
    int LeadsMoved,
    string LeadsTo,
    string? Manager,
    int OffersWithdrawn,
    int RemindersCancelled,
    int PartnerKeysRevoked,
    int IntakeSourcesSwitchedOff,
    IReadOnlyList<string> TeamsStillManaged);

/// <summary>
/// <c>POST /api/hr/offboard</c>: HR's system offboards someone. Signed as intake requests are
/// (<see cref="IntakeSignature"/>, keyed with <c>ChatCrm:Offboarding:HrSecret</c>); without that
/// secret the endpoint answers 404. Idempotent: a retry finds the person offboarded and changes nothing.
/// </summary>
public static class HrEndpoints
{
    private const int MaxBodyBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapHrOffboarding(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/hr/offboard", OffboardAsync);
        return app;
    }

    private static async Task<Results<Ok<HrOffboardResponse>, ValidationProblem, ProblemHttpResult>> OffboardAsync(
        HttpContext http, OffboardUser offboard, IOptions<OffboardingOptions> options, IOptions<IntakeOptions> intake, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(HrEndpoints));
        if (string.IsNullOrEmpty(options.Value.HrSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "HR offboarding is not set up here.");
        }

        if (await RequestBodies.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body must be at most {MaxBodyBytes} bytes, received whole.");
        }

        var request = http.Request;
        var refusal = IntakeSignature.Refusal(
            options.Value.HrSecret, request.Headers[IntakeEndpoints.TimestampHeader], request.Headers[IntakeEndpoints.SignatureHeader], body,
            clock.GetUtcNow(), TimeSpan.FromMinutes(intake.Value.ClockSkewMinutes));
        if (refusal is not null)
        {
            logger.LogWarning("Refused an HR offboarding request: {Reason}", refusal);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The request is not signed by HR.", detail: char.ToUpperInvariant(refusal[0]) + refusal[1..] + ".");
        }

        HrOffboardRequest? asked;
        try
        {
            asked = JsonSerializer.Deserialize<HrOffboardRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            asked = null;
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(asked?.User))
        {
            errors["user"] = ["Give the person's ChatCrm login, e.g. {\"user\": \"alice\"}."];
        }

        if (asked?.Leads is { } leads && OffboardingSettings.Parse(leads) is null)
        {
            errors["leads"] = ["Say \"manager\" (to their team's manager) or \"pool\" (back to the pool), or leave it out for the default."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The offboarding request is not valid.");
        }

        var result = await offboard.DeactivateFromHrAsync(asked!.User, asked.Leads?.Trim().ToLowerInvariant(), CancellationToken.None);
        switch (result.Error)
        {
            case null:
                var done = result.Value!;
                logger.LogInformation("HR offboarded {UserKey}: {Leads} leads to {Destination}{Again}", done.UserKey, done.LeadsToManager + done.LeadsToPool, done.Destination, done.AlreadyDeactivated ? " (already)" : string.Empty);
                return TypedResults.Ok(new HrOffboardResponse(
                    done.UserKey, done.DeactivatedAt, done.AlreadyDeactivated, done.LeadsToManager + done.LeadsToPool, done.Destination.ToString().ToLowerInvariant(),
                    done.ManagerKey, done.OffersWithdrawn, done.RemindersCancelled, done.KeysRevoked, done.SourcesSwitchedOff, done.TeamsManaged ?? []));
            case UserNotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such ChatCrm user.", detail: "Send the person's ChatCrm login.");
            case LastAdmin:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That is the last admin.", detail: "Make someone else a ChatCrm admin first; then send this again.");
            default:
                throw new InvalidOperationException($"OffboardUser answered {result.Error.Code}, which the HR endpoint does not know.");
        }
    }
}
