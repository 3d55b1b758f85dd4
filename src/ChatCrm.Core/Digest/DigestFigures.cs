using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Digest;

/// <summary>
/// Counts a team's digest from the store: index ranges over yesterday and the day before (on the
/// team's calendar), the stale leads now, and the response times of the last week.
/// </summary>
public static class DigestFigures
{
    /// <summary>How many leads (or follow-ups) behind each number the report lists.</summary>
    public const int MostListed = 200;

    public const int FastestListed = 3;

    /// <summary>The window response times are measured over.</summary>
    public static readonly TimeSpan ResponsePeriod = TimeSpan.FromDays(7);

    // Far more leads than a week brings to one team; bounds one digest's work.
    private const int MostAssignmentsRead = 100_000;

    // A lead has tens of follow-ups; its first after the claim is among them.
    private const int MostFollowUpsPerLead = 200;

    /// <param name="sweep">The run's one read of every team's open leads that may need a look; taken here when not given.</param>
    public static ManagerDigest Count(ICrmSession session, Team team, TimeZoneInfo zone, DateOnly date, DateTimeOffset now, CrmSettings settings, IReadOnlyList<string> recipientKeys, DigestSweep? sweep = null)
    {
        var yesterday = LocalDay.Span(date.AddDays(-1), zone);
        var dayBefore = LocalDay.Span(date.AddDays(-2), zone);
        var members = session.People.AllUsers().Where(user => user.TeamKey == team.Key).ToList();
        var memberKeys = members.Select(user => user.Key).ToHashSet(StringComparer.Ordinal);
        return new ManagerDigest(
            team.Key,
            team.Name,
            date,
            zone.Id,
            now,
            session.ManagerDigests.CreatedIn(team.Key, yesterday.From, yesterday.To, MostListed),
            session.ManagerDigests.CreatedIn(team.Key, dayBefore.From, dayBefore.To, MostListed),
            session.ManagerDigests.FollowUpsIn(memberKeys, yesterday.From, yesterday.To, MostListed),
            (sweep ?? DigestSweep.Take(session, now)).Stale(team.Key, now - settings.StaleAfter, now, MostListed),
            Fastest(session, team.Key, members, now),
            recipientKeys);
    }

    /// <summary>The quickest responders among the team's people: lowest median first, then more leads, then by key.</summary>
    public static IReadOnlyList<ResponderTime> Fastest(ICrmSession session, string teamKey, IReadOnlyList<User> members, DateTimeOffset now)
    {
        var since = now - ResponsePeriod;
        var byUser = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        // An assignment is looked up by when its lead came in: a lead offered this week came in this week, bar rare waits.
        foreach (var assignment in session.LeadAssignments.RequestedSince(since, MostAssignmentsRead))
        {
            if (assignment.TeamKey != teamKey || assignment.ClaimedBy is not { } user || assignment.ClaimedAt is not { } claimedAt)
            {
                continue;
            }

            var start = assignment.Offers.LastOrDefault(offer => offer.UserKey == user && offer.Result == OfferResult.Claimed)?.OfferedAt ?? claimedAt;
            if (start < since || start > now)
            {
                continue;
            }

            var answered = session.FollowUps.ListForLead(assignment.LeadNumber, MostFollowUpsPerLead)
                .Where(followUp => followUp.AuthorKey == user && followUp.At >= start)
                .Select(followUp => (DateTimeOffset?)followUp.At)
                .Min();
            var took = (answered ?? now) - start;
            if (!byUser.TryGetValue(user, out var times))
            {
                byUser[user] = times = [];
            }

            times.Add(took);
        }

        var names = members.ToDictionary(user => user.Key, user => user.DisplayName, StringComparer.Ordinal);
        return
        [
            .. byUser
                .Where(pair => names.ContainsKey(pair.Key))
                .Select(pair => new ResponderTime(pair.Key, names[pair.Key], Median(pair.Value), pair.Value.Count))
                .OrderBy(responder => responder.Median)
                .ThenByDescending(responder => responder.Leads)
                .ThenBy(responder => responder.UserKey, StringComparer.Ordinal)
                .Take(FastestListed),
        ];
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        var middle = times.Count / 2;
        return times.Count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }
}
