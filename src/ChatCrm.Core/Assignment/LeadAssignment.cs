namespace ChatCrm.Core.Assignment;

/// <summary>
/// One lead's way from intake to a salesperson: a bounded state machine, matched → (waiting for
/// working hours) → offered → claimed, or escalated to a person. Keeps every offer with who, when
/// and what came of it, the last weighing of the candidates (why each was skipped), and every step
/// with its timing. Changes only through its methods, each returning the next state.
/// </summary>
/// <param name="RuleKey">The rule the lead matched.</param>
/// <param name="TeamKey">The team whose salespeople are offered the lead; null when none could be found.</param>
/// <param name="Candidates">The team as last weighed: who was eligible and why the others were skipped.</param>
/// <param name="NextCheckAt">When the engine looks again (the claim window's end, the team's opening); null once settled.</param>
public sealed record LeadAssignment(
    string LeadNumber,
    string SourceKey,
    IReadOnlyList<string> Tags,
    DateTimeOffset RequestedAt,
    AssignmentState State,
    string RuleKey,
    string? TeamKey,
    IReadOnlyList<AssignmentOffer> Offers,
    IReadOnlyList<CandidateCheck> Candidates,
    IReadOnlyList<AssignmentStep> Steps,
    DateTimeOffset? NextCheckAt,
    EscalationReason? Escalation = null,
    string? ClaimedBy = null,
    DateTimeOffset? ClaimedAt = null)
{
    /// <summary>Waiting or offered: the engine still has work to do.</summary>
    public bool IsOpen => State is AssignmentState.Waiting or AssignmentState.Offered;

    /// <summary>The offer still waiting for its answer, if any.</summary>
    public AssignmentOffer? PendingOffer => Offers.Count > 0 && Offers[^1].Result == OfferResult.Pending ? Offers[^1] : null;

    /// <summary>From intake to the claim, once claimed.</summary>
    public TimeSpan? IntakeToClaim => ClaimedAt - RequestedAt;

    public static LeadAssignment Matched(AssignmentRequest request, AssignmentRule rule, string? teamKey, DateTimeOffset now, TimeSpan took) =>
        new(request.LeadNumber, request.SourceKey, request.Tags, request.RequestedAt, AssignmentState.Waiting, rule.Key, teamKey, [], [],
            [new AssignmentStep(AssignmentStepKind.Matched, now, took, teamKey is null ? rule.Key : $"{rule.Key} → {teamKey}")], now);

    /// <summary>Waits for the team's working hours; a wait already recorded for the same opening is not recorded twice.</summary>
    public LeadAssignment WaitUntil(DateTimeOffset opensAt, DateTimeOffset now) =>
        State == AssignmentState.Waiting && NextCheckAt == opensAt
            ? this
            : this with { State = AssignmentState.Waiting, NextCheckAt = opensAt, Steps = [.. Steps, new AssignmentStep(AssignmentStepKind.Waiting, now, TimeSpan.Zero, opensAt.ToString("O"))] };

    public LeadAssignment Offer(string userKey, DateTimeOffset now, DateTimeOffset claimBy, TimeSpan took, Guid noticeId, IReadOnlyList<CandidateCheck> candidates)
    {
        if (PendingOffer is not null)
        {
            throw new InvalidOperationException($"Lead {LeadNumber} is offered to {PendingOffer.UserKey} already; end that offer first.");
        }

        return this with
        {
            State = AssignmentState.Offered,
            NextCheckAt = claimBy,
            Offers = [.. Offers, new AssignmentOffer(userKey, now, claimBy)],
            Candidates = candidates,
            Steps =
            [
                .. Steps,
                new AssignmentStep(AssignmentStepKind.Offered, now, took, userKey),
                new AssignmentStep(AssignmentStepKind.Notified, now, TimeSpan.Zero, noticeId.ToString()),
            ],
        };
    }

    /// <summary>Ends the pending offer (declined, expired, withdrawn); the state is the next step's to set.</summary>
    public LeadAssignment EndOffer(OfferResult result, DateTimeOffset now)
    {
        if (PendingOffer is not { } pending || result is OfferResult.Pending or OfferResult.Claimed)
        {
            throw new InvalidOperationException($"Lead {LeadNumber} has no pending offer to end as {result}.");
        }

        var kind = result switch
        {
            OfferResult.Declined => AssignmentStepKind.Declined,
            OfferResult.Expired => AssignmentStepKind.Expired,
            _ => AssignmentStepKind.Withdrawn,
        };
        return this with
        {
            Offers = [.. Offers.SkipLast(1), pending with { Result = result, EndedAt = now }],
            Steps = [.. Steps, new AssignmentStep(kind, now, now - pending.OfferedAt, pending.UserKey)],
        };
    }

    public LeadAssignment Escalate(EscalationReason reason, IReadOnlyList<CandidateCheck> candidates, DateTimeOffset now, TimeSpan took, string? detail = null) =>
        this with
        {
            State = AssignmentState.Escalated,
            NextCheckAt = null,
            Escalation = reason,
            Candidates = candidates,
            Steps = [.. Steps, new AssignmentStep(AssignmentStepKind.Escalated, now, took, detail ?? reason.ToString())],
        };

    /// <summary>The lead is someone's: by claiming the offer, from the pool, or handed over some other way.</summary>
    public LeadAssignment Claim(string userKey, DateTimeOffset now, string? how = null)
    {
        var offers = PendingOffer is { } pending
            ? [.. Offers.SkipLast(1), pending with { Result = pending.UserKey == userKey ? OfferResult.Claimed : OfferResult.Withdrawn, EndedAt = now }]
            : Offers;
        return this with
        {
            State = AssignmentState.Claimed,
            NextCheckAt = null,
            Offers = offers,
            ClaimedBy = userKey,
            ClaimedAt = now,
            Steps = [.. Steps, new AssignmentStep(AssignmentStepKind.Claimed, now, now - RequestedAt, how is null ? userKey : $"{userKey} ({how})")],
        };
    }
}
