using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// The steps of a lead's assignment, each run inside the caller's unit of work so the lead, its
/// audit entries, its notices and its <see cref="LeadAssignment"/> change together: start from an
/// intake request, resume when a claim window ends or the team's day begins, go on after a
/// decline, settle on a claim.
/// </summary>
internal static class AssignmentFlow
{
    // Audit only: the engine acts on its own, in no conversation.
    public static readonly Actor Engine = new(new User(AssignLeads.EngineKey, "自动分配 Assignment", Role.Admin, null, []), AssignLeads.EngineKey, null);

    private const int LongestError = 200;

    public static AssignmentMove Start(ICrmSession session, AssignmentRequest request, AssignmentContext context)
    {
        // Removing is taking: a request another pass took is gone, and a second request for the same lead changes nothing.
        if (!session.AssignmentRequests.Remove(request.LeadNumber) || session.LeadAssignments.Find(request.LeadNumber) is not null)
        {
            return new AssignmentMove(request.LeadNumber, AssignmentMoveKind.None);
        }

        var now = context.Now;
        var started = context.Clock.GetTimestamp();
        var rulebook = session.AssignmentRules.Find() ?? AssignmentRulebook.Empty;
        if (session.Leads.Find(request.LeadNumber) is not { } lead)
        {
            var gone = LeadAssignment.Matched(request, AssignmentRule.Default, null, now, TimeSpan.Zero);
            return Escalate(session, gone, null, EscalationReason.LeadGone, [], context, TimeSpan.Zero);
        }

        var rule = rulebook.InOrder.First(candidate => candidate.Matches(request, lead));
        var team = rule.TeamKey ?? lead.TeamKey ?? OnlyTeam(session);
        var assignment = LeadAssignment.Matched(request, rule, team, now, context.Clock.GetElapsedTime(started));
        if (lead.OwnerKey is { } owner)
        {
            return Settle(session, assignment.Claim(owner, now, "owned at intake"));
        }

        if (team is null)
        {
            return Escalate(session, assignment, lead, EscalationReason.NoTeam, [], context, context.Clock.GetElapsedTime(started));
        }

        if (lead.TeamKey != team && lead.AssigneeKey is null)
        {
            Change(session, lead, AuditActions.RouteLead, now, target => target.PlaceInPool(team, now));
        }

        return Advance(session, assignment, lead, rulebook, context);
    }

    /// <summary>An open assignment whose time came: its claim window ran out, or its team's day began.</summary>
    public static AssignmentMove Resume(ICrmSession session, string leadNumber, AssignmentContext context)
    {
        var now = context.Now;
        if (session.LeadAssignments.Find(leadNumber) is not { IsOpen: true, NextCheckAt: { } due } assignment || due > now)
        {
            return new AssignmentMove(leadNumber, AssignmentMoveKind.None);
        }

        if (session.Leads.Find(leadNumber) is not { } lead)
        {
            return Escalate(session, assignment, null, EscalationReason.LeadGone, [], context, TimeSpan.Zero);
        }

        if (assignment.PendingOffer is { } pending && lead.OwnerKey is null)
        {
            if (lead.AssigneeKey == pending.UserKey)
            {
                assignment = assignment.EndOffer(OfferResult.Expired, now);
                Change(session, lead, AuditActions.WithdrawOffer, now, target => target.WithdrawOffer(now));
            }
            else
            {
                assignment = assignment.EndOffer(OfferResult.Withdrawn, now);
            }
        }

        return Advance(session, assignment, lead, session.AssignmentRules.Find() ?? AssignmentRulebook.Empty, context);
    }

    /// <summary>The offered salesperson said no (the lead's offer is withdrawn already): the next is offered at once.</summary>
    public static AssignmentMove Declined(ICrmSession session, Lead lead, string userKey, AssignmentContext context)
    {
        if (session.LeadAssignments.Find(lead.Number) is not { IsOpen: true } assignment || assignment.PendingOffer?.UserKey != userKey)
        {
            return new AssignmentMove(lead.Number, AssignmentMoveKind.None);
        }

        return Advance(session, assignment.EndOffer(OfferResult.Declined, context.Now), lead, session.AssignmentRules.Find() ?? AssignmentRulebook.Empty, context);
    }

    /// <summary>The offered salesperson was offboarded (the lead's offer is withdrawn already): as a decline, the next is offered at once.</summary>
    public static AssignmentMove Withdrawn(ICrmSession session, Lead lead, string userKey, AssignmentContext context)
    {
        if (session.LeadAssignments.Find(lead.Number) is not { IsOpen: true } assignment || assignment.PendingOffer?.UserKey != userKey)
        {
            return new AssignmentMove(lead.Number, AssignmentMoveKind.None);
        }

        return Advance(session, assignment.EndOffer(OfferResult.Withdrawn, context.Now), lead, session.AssignmentRules.Find() ?? AssignmentRulebook.Empty, context);
    }

    /// <summary>The lead was claimed: its assignment, if it has one, is settled with the time from intake.</summary>
    public static void Claimed(ICrmSession session, Lead lead, string userKey, DateTimeOffset now)
    {
        if (session.LeadAssignments.Find(lead.Number) is { State: not AssignmentState.Claimed } assignment)
        {
            session.LeadAssignments.Save(assignment.Claim(userKey, now));
        }
    }

    /// <summary>Assigning the lead threw: the error is recorded and people are told, so the lead is neither lost nor retried forever.</summary>
    public static AssignmentMove Fail(ICrmSession session, AssignmentRequest? request, string leadNumber, string error, AssignmentContext context)
    {
        var requested = request is not null && session.AssignmentRequests.Remove(leadNumber);
        var assignment = session.LeadAssignments.Find(leadNumber);
        if (assignment is null && requested)
        {
            assignment = LeadAssignment.Matched(request!, AssignmentRule.Default, null, context.Now, TimeSpan.Zero);
        }

        if (assignment is not { IsOpen: true })
        {
            return new AssignmentMove(leadNumber, AssignmentMoveKind.None);
        }

        var message = error.Length <= LongestError ? error : error[..LongestError] + "…";
        return Escalate(session, assignment, session.Leads.Find(leadNumber), EscalationReason.EngineError, assignment.Candidates, context, TimeSpan.Zero, message);
    }

    private static AssignmentMove Advance(ICrmSession session, LeadAssignment assignment, Lead lead, AssignmentRulebook rulebook, AssignmentContext context)
    {
        var now = context.Now;
        if (lead.OwnerKey is { } owner)
        {
            return Settle(session, assignment.Claim(owner, now, "taken outside the offer"));
        }

        if (lead.AssigneeKey is { } offeredByHand)
        {
            session.LeadAssignments.Save(assignment with { State = AssignmentState.Offered, NextCheckAt = null });
            return new AssignmentMove(lead.Number, AssignmentMoveKind.LeftToHand, offeredByHand);
        }

        var team = assignment.TeamKey!;
        var hours = rulebook.HoursOf(team, context.Settings);
        if (!hours.IsOpen(now))
        {
            var opens = hours.NextOpening(now);
            session.LeadAssignments.Save(assignment.WaitUntil(opens, now));
            return new AssignmentMove(lead.Number, AssignmentMoveKind.Waiting);
        }

        var rule = rulebook.Rule(assignment.RuleKey);
        var choice = CandidatePicker.Pick(session, lead, rule, team, assignment, context.Clock, context.Policy.EvaluationCap);
        if (assignment.Offers.Count >= context.Policy.MaxOffers)
        {
            return Escalate(session, assignment, lead, EscalationReason.OffersExhausted, choice.Checks, context, choice.Took);
        }

        if (choice.RanPastCap)
        {
            return Escalate(session, assignment, lead, EscalationReason.EvaluationTooSlow, choice.Checks, context, choice.Took);
        }

        if (choice.Picked is not { } user)
        {
            return Escalate(session, assignment, lead, EscalationReason.NoCandidate, choice.Checks, context, choice.Took);
        }

        var claimBy = hours.AddWorkingTime(now, context.Policy.ClaimWindow);
        Change(session, lead, AuditActions.OfferLead, now, target => target.OfferTo(user, now));
        var notice = Notices.LeadOfferedTo(session, user.Key, lead, AssignLeads.EngineKey, now, claimBy);
        session.AssignmentRules.RecordOffered(rule.Key, user.Key);
        session.LeadAssignments.Save(assignment.Offer(user.Key, now, claimBy, choice.Took, notice, choice.Checks));
        return new AssignmentMove(lead.Number, AssignmentMoveKind.Offered, user.Key);
    }

    private static AssignmentMove Escalate(
        ICrmSession session, LeadAssignment assignment, Lead? lead, EscalationReason reason, IReadOnlyList<CandidateCheck> checks, AssignmentContext context, TimeSpan took, string? detail = null)
    {
        var escalated = assignment.Escalate(reason, checks, context.Now, took, detail);
        session.LeadAssignments.Save(escalated);
        if (lead is null)
        {
            // Nothing left to hand to anyone; the health report counts it.
            return new AssignmentMove(assignment.LeadNumber, AssignmentMoveKind.Escalated, null, reason, detail);
        }

        foreach (var recipient in EscalationRecipients(session, assignment.TeamKey, reason))
        {
            Notices.AssignmentWasEscalated(session, recipient, lead, escalated, context.Now);
        }

        return new AssignmentMove(assignment.LeadNumber, AssignmentMoveKind.Escalated, null, reason, detail);
    }

    /// <summary>The team's manager; the admins when there is none, or when the engine itself failed.</summary>
    private static IEnumerable<string> EscalationRecipients(ICrmSession session, string? teamKey, EscalationReason reason)
    {
        var manager = teamKey is null ? null : session.People.FindTeam(teamKey)?.ManagerKey;
        var recipients = new List<string>();
        // An offboarded manager is told nothing: the admins are, until the team gets a new one.
        if (manager is not null && session.People.FindUser(manager) is { IsActive: true })
        {
            recipients.Add(manager);
        }

        if (recipients.Count == 0 || reason == EscalationReason.EngineError)
        {
            recipients.AddRange(Admins.All(session).Select(user => user.Key));
        }

        return recipients.Distinct(StringComparer.Ordinal);
    }

    private static AssignmentMove Settle(ICrmSession session, LeadAssignment claimed)
    {
        session.LeadAssignments.Save(claimed);
        return new AssignmentMove(claimed.LeadNumber, AssignmentMoveKind.Claimed, claimed.ClaimedBy);
    }

    private static string? OnlyTeam(ICrmSession session) => session.People.AllTeams() is [var only] ? only.Key : null;

    /// <summary>Changes the lead as the engine, with its audit entry; a refusal here is a bug, so it throws.</summary>
    private static void Change(ICrmSession session, Lead lead, string action, DateTimeOffset now, Func<Lead, CrmError?> change)
    {
        var before = lead.ToSnapshot();
        if (change(lead) is { } refused)
        {
            throw new InvalidOperationException($"The assignment engine could not do {action} on lead {lead.Number}: {refused.Code}.");
        }

        session.Leads.Update(lead);
        session.Audit.Append(AuditTrail.Entry(Engine, action, now, lead.Number, before, lead.ToSnapshot()));
    }
}
