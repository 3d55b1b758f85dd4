using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>Who the engine would offer a lead to, and how every member of the team was weighed.</summary>
/// <param name="Picked">Null when nobody is eligible, or the weighing ran past its cap.</param>
internal sealed record CandidateChoice(User? Picked, IReadOnlyList<CandidateCheck> Checks, bool RanPastCap, TimeSpan Took);

/// <summary>
/// Weighs the members of the rule's team for a lead. Only a salesperson who may claim the lead
/// (<see cref="LeadAccess.CanClaim"/>), was not offered it before and holds fewer unclaimed offers
/// than the rule's capacity is eligible, and only an eligible person is ever picked, so a rule
/// cannot offer a lead round and round to people who would skip it. Stops weighing once
/// <see cref="AssignmentPolicy.EvaluationCap"/> has passed on <paramref name="clock"/>.
/// </summary>
internal static class CandidatePicker
{
    public static CandidateChoice Pick(ICrmSession session, Lead lead, AssignmentRule rule, string teamKey, LeadAssignment assignment, TimeProvider clock, TimeSpan cap)
    {
        var started = clock.GetTimestamp();
        var offeredBefore = assignment.Offers.Select(offer => offer.UserKey).ToHashSet(StringComparer.Ordinal);
        var members = session.People.AllUsers().Where(user => user.TeamKey == teamKey).OrderBy(user => user.Key, StringComparer.Ordinal).ToList();
        var checks = new List<CandidateCheck>(members.Count);
        var eligible = new List<(User User, int Load)>();
        foreach (var user in members)
        {
            if (clock.GetElapsedTime(started) > cap)
            {
                checks.AddRange(members.Skip(checks.Count).Select(rest => new CandidateCheck(rest.Key, CandidateVerdict.NotEvaluated)));
                return new CandidateChoice(null, checks, RanPastCap: true, clock.GetElapsedTime(started));
            }

            var check = Weigh(session, user, lead, rule, offeredBefore, out var load);
            checks.Add(check);
            if (check.Verdict == CandidateVerdict.Eligible)
            {
                eligible.Add((user, load));
            }
        }

        // The last candidate's weighing counts against the cap too.
        if (clock.GetElapsedTime(started) > cap)
        {
            return new CandidateChoice(null, checks, RanPastCap: true, clock.GetElapsedTime(started));
        }

        var last = session.AssignmentRules.LastOffered(rule.Key);
        var picked = rule.Strategy == AssignmentStrategy.LeastLoaded
            ? InTurn(eligible.Where(candidate => candidate.Load == eligible.Min(other => other.Load)).Select(candidate => candidate.User), last)
            : InTurn(eligible.Select(candidate => candidate.User), last);
        return new CandidateChoice(picked, checks, RanPastCap: false, clock.GetElapsedTime(started));
    }

    private static CandidateCheck Weigh(ICrmSession session, User user, Lead lead, AssignmentRule rule, HashSet<string> offeredBefore, out int load)
    {
        load = 0;
        // Salespeople are offered leads; a deactivated one, or one whose position lacks claim, never is.
        if (user.Role != Role.Salesperson || !LeadAccess.Of(session, user).CanClaim(lead))
        {
            return new CandidateCheck(user.Key, CandidateVerdict.NoClaimPermission, user.IsActive ? user.Position : "deactivated");
        }

        if (offeredBefore.Contains(user.Key))
        {
            return new CandidateCheck(user.Key, CandidateVerdict.OfferedBefore);
        }

        var unclaimed = session.Leads.Count(new LeadQuery { AssigneeKey = user.Key, Unowned = true });
        if (unclaimed >= rule.Capacity)
        {
            return new CandidateCheck(user.Key, CandidateVerdict.AtCapacity, $"{unclaimed}/{rule.Capacity}");
        }

        load = rule.Strategy == AssignmentStrategy.LeastLoaded ? unclaimed + session.Leads.Count(new LeadQuery { OwnerKey = user.Key }) : unclaimed;
        return new CandidateCheck(user.Key, CandidateVerdict.Eligible, rule.Strategy == AssignmentStrategy.LeastLoaded ? $"load {load}" : $"{unclaimed}/{rule.Capacity}");
    }

    /// <summary>The first after the one offered last, in key order, wrapping round.</summary>
    private static User? InTurn(IEnumerable<User> candidates, string? last)
    {
        var ordered = candidates.ToList();
        return (last is null ? null : ordered.FirstOrDefault(user => string.CompareOrdinal(user.Key, last) > 0)) ?? ordered.FirstOrDefault();
    }
}
