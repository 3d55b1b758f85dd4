using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Reports.Tallies;

/// <summary>
/// What one lead adds to the report tallies: to the day it was created (created, reached an
/// opportunity, hours to its first follow-up), to the day it closed (won or lost, amount, cycle),
/// and while open to its stage. The tallies are the sum of every stored lead's share, so a change
/// to a lead moves them by its new share minus its old one, in the change's own transaction.
/// </summary>
/// <param name="Team">The lead's team key, "" for none.</param>
/// <param name="Owner">The owner's key, "" for none.</param>
/// <param name="FirstContactHours">Whole hours from creation to the first follow-up, rounded up (0 for one before creation, capped at <see cref="LaterHours"/>); null without one.</param>
/// <param name="ClosedDay">The day it was won or lost; null while open.</param>
/// <param name="CycleTicks">For a won lead, the time from creation to the win.</param>
public sealed record LeadShare(
    string Team,
    string Owner,
    bool Excluded,
    DateOnly CreatedDay,
    bool Opportunity,
    int? FirstContactHours,
    DateOnly? ClosedDay,
    bool Won,
    decimal Amount,
    long? CycleTicks,
    LeadStage Stage)
{
    /// <summary>Beyond the longest SLA an admin may set (30 days), every first contact is simply late.</summary>
    public const int LaterHours = (24 * 30) + 1;

    public bool IsOpen => ClosedDay is null;

    public static LeadShare Of(Lead lead, TallyRules rules)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(rules);
        var closed = StageProbability.IsClosed(lead.Stage);
        var won = StageProbability.IsWon(lead.Stage);
        var closedAt = MetricCalculator.ClosedAt(lead);
        return new LeadShare(
            lead.TeamKey ?? string.Empty,
            lead.OwnerKey ?? string.Empty,
            rules.Settings.ExclusionOf(lead) is not null,
            rules.DayOf(lead.CreatedAt),
            MetricCalculator.ReachedOpportunity(lead),
            lead.FirstFollowUpAt is { } first ? HoursUp(first - lead.CreatedAt) : null,
            closed ? rules.DayOf(closedAt) : null,
            won,
            lead.Amount ?? 0,
            won ? (closedAt - lead.CreatedAt).Ticks : null,
            lead.Stage);
    }

    // Integer arithmetic, so "within N hours" reads the same from a tally as from the lead: ceil(d) <= N exactly when d <= N.
    private static int HoursUp(TimeSpan span) =>
        span.Ticks <= 0 ? 0 : (int)Math.Min(LaterHours, (span.Ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour);
}
