using System.Collections.Concurrent;
using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// The hourly stale-lead job. One read finds the stale leads from the store's scan index (no lead
/// is read unless it is a candidate); then, for teams inside their working hours, short write
/// units return the leads left too long (when the team turned that on), tell managers once per
/// stale episode and remind each owner once a day with one bundled notice. Every unit re-checks
/// what it is about to do, so a second run, or two at once, sends nothing twice.
/// </summary>
public sealed class StaleLeadScan(ICrmStore store, TimeProvider clock, CrmSettings settings, StaleLeadPolicy policy) : IScheduledJob
{
    /// <summary>How many leads a notice lists; the rest are counted.</summary>
    public const int ShownPerNotice = 10;

    // Keeps each write unit short, so chat turns queued behind it wait milliseconds, not seconds.
    // The store keeps a team's marks in a few documents, so a unit's cost is mostly rewriting them.
    // Measured with bench stale on a million leads (46,365 marks): 400 a unit took 2.3 s with turns'
    // p99 at 33 ms, 1,000 took 1.6 s at 80 ms, 700 took 1.8 s at 40 ms.
    private const int MarksPerUnit = 700;
    private const int OwnersPerUnit = 20;
    private const int ReturnsPerUnit = 50;
    private const int UnitsInFlight = 1;

    // When an owner got a never-followed-up lead, found in its audit trail once and kept.
    private readonly ConcurrentDictionary<(string Lead, string Owner), DateTimeOffset> _ownedSince = new();

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var plan = await store.ReadAsync(session => Find(session, now), cancellationToken);
        var returned = await ReturnAsync(plan, now, cancellationToken);
        var live = plan.Stale.Where(lead => !returned.Contains(lead.Entry.LeadNumber)).ToList();
        var managersTold = await TellManagersAsync(plan, live, now, cancellationToken);
        var ownersReminded = await RemindOwnersAsync(plan, live, now, cancellationToken);
        await ForgetEndedEpisodesAsync(plan, cancellationToken);
        if (returned.Count + managersTold + ownersReminded == 0)
        {
            return new JobOutcome($"{plan.Stale.Count} stale leads, nobody to tell now", 0);
        }

        return new JobOutcome($"{plan.Stale.Count} stale leads: {ownersReminded} owners reminded, {managersTold} leads told to managers, {returned.Count} returned to the pool", ownersReminded + managersTold + returned.Count);
    }

    private StaleScanPlan Find(ICrmSession session, DateTimeOffset now)
    {
        var rulebook = session.AssignmentRules.Find() ?? AssignmentRulebook.Empty;
        var hoursByTeam = new Dictionary<string, (WorkingHours Hours, bool Open)>();
        (WorkingHours Hours, bool Open) HoursOf(string? team)
        {
            var key = team ?? string.Empty;
            if (!hoursByTeam.TryGetValue(key, out var known))
            {
                var hours = rulebook.HoursOf(key, settings);
                known = (hours, hours.IsOpen(now));
                hoursByTeam[key] = known;
            }

            return known;
        }

        var discipline = session.FollowUpDiscipline;
        var marks = discipline.StaleMarks().ToDictionary(mark => mark.LeadNumber, StringComparer.Ordinal);
        var candidates = discipline.IdleOwnedLeads(now - policy.ShortestAfter).Concat(discipline.PromisedOwnedLeads(now)).ToList();
        var stale = new List<StaleLead>();
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in candidates)
        {
            if (marks.TryGetValue(entry.LeadNumber, out var mark) && mark.IsEpisodeOf(entry.OwnerKey, entry.LastActivityAt))
            {
                current.Add(entry.LeadNumber);
            }

            var (hours, open) = HoursOf(entry.TeamKey);
            if (!open)
            {
                continue;
            }

            var anchor = entry.FollowedUp ? entry.LastActivityAt : Later(entry.LastActivityAt, OwnedSince(session, entry));
            if (StaleLead.Judge(entry, anchor, policy.For(entry.TeamKey), hours, now) is { } found)
            {
                stale.Add(found);
            }
        }

        stale.Sort((left, right) => left.StaleSince.CompareTo(right.StaleSince) is var order and not 0 ? order : string.CompareOrdinal(left.Entry.LeadNumber, right.Entry.LeadNumber));
        return new StaleScanPlan(
            stale,
            marks,
            session.People.AllUsers().ToDictionary(user => user.Key, StringComparer.Ordinal),
            session.People.AllTeams().ToDictionary(team => team.Key, StringComparer.Ordinal),
            rulebook,
            current,
            candidates.Count);
    }

    /// <summary>When the owner got a lead nobody followed up yet: the audit entry that made them its owner, else its creation.</summary>
    private DateTimeOffset OwnedSince(ICrmSession session, OwnedLeadEntry entry) =>
        _ownedSince.GetOrAdd((entry.LeadNumber, entry.OwnerKey), _ =>
            session.Audit.ForLead(entry.LeadNumber, 50)
                .FirstOrDefault(change => change.After?.OwnerKey == entry.OwnerKey && change.Before?.OwnerKey != entry.OwnerKey)?.At
            ?? entry.LastActivityAt);

    private async Task<HashSet<string>> ReturnAsync(StaleScanPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = plan.Stale.Where(lead => lead.ReturnDueAt <= now).ToList();
        var returned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owned in due.GroupBy(lead => lead.Entry.OwnerKey))
        {
            foreach (var chunk in owned.Chunk(ReturnsPerUnit))
            {
                var done = await store.WriteAsync(session => StaleLeadMoves.ReturnToPool(session, chunk, plan.Teams, now), cancellationToken);
                returned.UnionWith(done);
            }
        }

        return returned;
    }

    private async Task<int> TellManagersAsync(StaleScanPlan plan, IReadOnlyList<StaleLead> live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = live
            .Where(lead => lead.ManagerDueAt <= now)
            .Where(lead => !(plan.Marks.TryGetValue(lead.Entry.LeadNumber, out var mark) && mark.IsEpisodeOf(lead.Entry.OwnerKey, lead.Entry.LastActivityAt)))
            .Select(lead => (Lead: lead, Team: lead.Entry.TeamKey is { } key && plan.Teams.TryGetValue(key, out var team) ? team : null))
            .Where(pair => pair.Team is not null && pair.Team.ManagerKey != pair.Lead.Entry.OwnerKey)
            .GroupBy(pair => (pair.Team!.ManagerKey, pair.Team.Key));
        var units = new List<Func<ICrmSession, int>>();
        foreach (var team in due)
        {
            var leads = team.Select(pair => pair.Lead).ToList();
            var first = true;
            foreach (var chunk in leads.Chunk(MarksPerUnit))
            {
                var total = first ? leads.Count : 0;
                units.Add(session => StaleLeadMoves.TellManager(session, team.Key.ManagerKey, team.Key.Key, chunk, total, now));
                first = false;
            }
        }

        return await RunUnitsAsync(units, cancellationToken);
    }

    private async Task<int> RemindOwnersAsync(StaleScanPlan plan, IReadOnlyList<StaleLead> live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owners = live.GroupBy(lead => lead.Entry.OwnerKey).Select(group => (Owner: group.Key, Leads: (IReadOnlyList<StaleLead>)[.. group])).ToList();
        var units = owners.Chunk(OwnersPerUnit).Select(chunk => (Func<ICrmSession, int>)(session => chunk.Count(owner =>
            StaleLeadMoves.RemindOwner(session, owner.Owner, owner.Leads, LocalToday(plan, owner.Owner, owner.Leads[0], now), now))));
        return await RunUnitsAsync([.. units], cancellationToken);
    }

    /// <summary>
    /// Runs the units in order, one at a time, so a chat turn waits behind at most one short unit
    /// (measured with bench stale: two 200-mark units in flight put turns' p99 at 321 ms, these at 31 ms).
    /// </summary>
    private async Task<int> RunUnitsAsync(IReadOnlyList<Func<ICrmSession, int>> units, CancellationToken cancellationToken)
    {
        var done = 0;
        var inFlight = new Queue<Task<int>>();
        foreach (var unit in units)
        {
            if (inFlight.Count == UnitsInFlight)
            {
                done += await inFlight.Dequeue();
            }

            inFlight.Enqueue(store.WriteAsync(unit, cancellationToken));
        }

        while (inFlight.Count > 0)
        {
            done += await inFlight.Dequeue();
        }

        return done;
    }

    /// <summary>Marks of episodes that ended (a follow-up, a new owner, closed) are dropped; a lead only snoozed keeps its mark.</summary>
    private async Task ForgetEndedEpisodesAsync(StaleScanPlan plan, CancellationToken cancellationToken)
    {
        var unsure = plan.Marks.Values.Where(mark => !plan.MarksStillCurrent.Contains(mark.LeadNumber)).ToList();
        foreach (var team in unsure.GroupBy(mark => mark.TeamKey))
        {
            foreach (var chunk in team.Chunk(MarksPerUnit))
            {
                await store.WriteAsync(session =>
                {
                    var ended = chunk.Where(mark =>
                        session.Leads.Find(mark.LeadNumber) is not { IsClosed: false, OwnerKey: { } owner } lead || !mark.IsEpisodeOf(owner, lead.LastActivityAt))
                        .Select(mark => mark.LeadNumber)
                        .ToList();
                    session.FollowUpDiscipline.DeleteStaleMarks(team.Key, ended);
                    return true;
                }, cancellationToken);
            }
        }
    }

    /// <summary>The owner's date, in their team's zone (the lead's team when they have none).</summary>
    private DateOnly LocalToday(StaleScanPlan plan, string ownerKey, StaleLead any, DateTimeOffset now)
    {
        var team = plan.Users.TryGetValue(ownerKey, out var owner) && owner.TeamKey is { } own ? own : any.Entry.TeamKey ?? string.Empty;
        return StaleLeadMoves.LocalDate(now, plan.Rulebook.HoursOf(team, settings));
    }

    private static DateTimeOffset Later(DateTimeOffset left, DateTimeOffset right) => left > right ? left : right;
}
