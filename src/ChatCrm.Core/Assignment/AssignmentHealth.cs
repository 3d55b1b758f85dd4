using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// How assignment is doing, for an admin (/admin assignment): median and p95 time from intake to
/// claim over the last <see cref="Period"/>, leads stuck past their next step, and failures by
/// reason, so a stalled assignment is seen rather than discovered by a customer.
/// </summary>
public sealed class AssignmentHealth(ICrmStore store, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>The engine looks every few seconds: a step this late means it is not moving the lead.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(1);

    public const int MostStuckListed = 10;

    // Far more leads than a week brings to one team; bounds the work of one report.
    private const int MostAssignmentsRead = 100_000;

    /// <summary>The failure code for an offer declined; escalations use their reason's snake_case name.</summary>
    public const string OfferDeclined = "offer_declined";

    public const string OfferExpired = "offer_expired";

    public async Task<Result<AssignmentHealthReport>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("assignment.health", null);
        }

        var now = clock.GetUtcNow();
        var since = now - Period;
        var (recent, stuck) = await store.ReadAsync(
            session => (session.LeadAssignments.RequestedSince(since, MostAssignmentsRead), session.LeadAssignments.Due(now - StuckAfter, MostStuckListed)),
            cancellationToken);
        var toClaim = recent.Where(assignment => assignment.IntakeToClaim is not null).Select(assignment => assignment.IntakeToClaim!.Value).Order().ToList();
        var failures = recent
            .Where(assignment => assignment.Escalation is not null)
            .Select(assignment => Code(assignment.Escalation!.Value))
            .Concat(recent.SelectMany(assignment => assignment.Offers).Where(offer => offer.Result is OfferResult.Declined or OfferResult.Expired)
                .Select(offer => offer.Result == OfferResult.Declined ? OfferDeclined : OfferExpired))
            .GroupBy(code => code)
            .Select(group => KeyValuePair.Create(group.Key, group.Count()))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        return Result<AssignmentHealthReport>.Success(new AssignmentHealthReport(
            since,
            recent.Count,
            toClaim.Count,
            toClaim.Count == 0 ? null : Percentile(toClaim, 0.50),
            toClaim.Count == 0 ? null : Percentile(toClaim, 0.95),
            recent.Count(assignment => assignment.IsOpen),
            [.. stuck.Select(assignment => new StuckLead(assignment.LeadNumber, assignment.State, assignment.NextCheckAt!.Value, assignment.PendingOffer?.UserKey))],
            recent.Count(assignment => assignment.State == AssignmentState.Escalated && assignment.Escalation != EscalationReason.LeadGone),
            failures));
    }

    /// <summary>An escalation reason as its stable code, e.g. offers_exhausted.</summary>
    public static string Code(EscalationReason reason) =>
        string.Concat(reason.ToString().Select((letter, index) => index > 0 && char.IsUpper(letter) ? "_" + char.ToLowerInvariant(letter) : char.ToLowerInvariant(letter).ToString()));

    // Nearest rank: the smallest value with at least that share of the values at or below it.
    private static TimeSpan Percentile(List<TimeSpan> sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
