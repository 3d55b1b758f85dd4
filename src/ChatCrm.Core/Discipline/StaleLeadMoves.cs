using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// The write units of the stale-lead job, each run inside one short transaction. Each re-reads the
/// leads it acts on and skips any that changed since the scan (a follow-up logged meanwhile), and
/// each checks its own record of what was told, so a repeated unit does nothing.
/// </summary>
internal static class StaleLeadMoves
{
    public static string OwnerReminderKey(string ownerKey) => "stale-owner:" + ownerKey;

    /// <summary>One notice for the owner with their stale leads, unless they had today's already.</summary>
    public static bool RemindOwner(ICrmSession session, string ownerKey, IReadOnlyList<StaleLead> leads, DateOnly today, DateTimeOffset now)
    {
        var discipline = session.FollowUpDiscipline;
        if (discipline.LastDone(OwnerReminderKey(ownerKey)) == today)
        {
            return false;
        }

        var shown = new List<NoticeLeadLine>();
        var changed = 0;
        foreach (var stale in leads)
        {
            if (shown.Count == StaleLeadScan.ShownPerNotice)
            {
                break;
            }

            if (Current(session, stale.Entry) is { } lead)
            {
                shown.Add(Line(lead, stale, person: string.Empty, now));
            }
            else
            {
                changed++;
            }
        }

        if (shown.Count == 0)
        {
            return false;
        }

        // Offboarded since the scan read its leads: their list goes nowhere.
        if (session.People.FindUser(ownerKey) is { IsActive: false })
        {
            return false;
        }

        Notices.StaleLeadsOfOwner(session, ownerKey, shown, leads.Count - changed, now);
        discipline.RecordDone(OwnerReminderKey(ownerKey), today, now);
        return true;
    }

    /// <summary>Marks the leads told to the manager; the first unit of a manager's list also writes the notice.</summary>
    /// <param name="total">How many leads the whole list holds; 0 for the units after the first.</param>
    public static int TellManager(ICrmSession session, string managerKey, string teamKey, IReadOnlyList<StaleLead> chunk, int total, DateTimeOffset now)
    {
        var discipline = session.FollowUpDiscipline;
        var marks = discipline.StaleMarksOf(teamKey, [.. chunk.Select(stale => stale.Entry.LeadNumber)]);
        var fresh = chunk
            .Where(stale => !(marks.TryGetValue(stale.Entry.LeadNumber, out var mark) && mark.IsEpisodeOf(stale.Entry.OwnerKey, stale.Entry.LastActivityAt)))
            .ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        if (total > 0)
        {
            var shown = new List<NoticeLeadLine>();
            foreach (var stale in fresh.Take(StaleLeadScan.ShownPerNotice))
            {
                if (Current(session, stale.Entry) is { } lead)
                {
                    shown.Add(Line(lead, stale, stale.Entry.OwnerKey, now));
                }
            }

            if (shown.Count > 0)
            {
                Notices.StaleLeadsOfTeam(session, managerKey, teamKey, shown, total - (chunk.Count - fresh.Count), now);
            }
        }

        discipline.SaveStaleMarks(teamKey, [.. fresh.Select(stale => new StaleMark(stale.Entry.LeadNumber, stale.Entry.OwnerKey, stale.Entry.LastActivityAt, stale.StaleSince, now, teamKey))]);
        return fresh.Count;
    }

    /// <summary>
    /// Returns the leads to their team's pool as the return use case does (the same change, audit
    /// action and permission check, the job as the actor), then tells the owner and the manager.
    /// </summary>
    public static IReadOnlyList<string> ReturnToPool(ICrmSession session, IReadOnlyList<StaleLead> chunk, IReadOnlyDictionary<string, Team> teams, DateTimeOffset now)
    {
        var returned = new List<(NoticeLeadLine Line, string? Team)>();
        foreach (var stale in chunk)
        {
            if (Current(session, stale.Entry) is not { } lead)
            {
                continue;
            }

            var line = Line(lead, stale, stale.Entry.OwnerKey, now);
            var change = LeadEdit.Apply(session, DisciplineActor.System, lead.Number, AuditActions.ReturnLead, (rights, lead) => rights.CanWork(lead), now, (_, target) => target.ReturnToPool(now));
            if (change.IsSuccess)
            {
                session.FollowUpDiscipline.DeleteStaleMarks(stale.Entry.TeamKey, [lead.Number]);
                returned.Add((line, lead.TeamKey));
            }
        }

        if (returned.Count == 0)
        {
            return [];
        }

        var owner = chunk[0].Entry.OwnerKey;
        Notices.StaleLeadsWereReturned(session, owner, "owner", [.. returned.Take(StaleLeadScan.ShownPerNotice).Select(item => item.Line)], returned.Count, now);
        foreach (var team in returned.GroupBy(item => item.Team))
        {
            if (team.Key is { } key && teams.TryGetValue(key, out var known) && known.ManagerKey != owner)
            {
                var lines = team.Select(item => item.Line).ToList();
                Notices.StaleLeadsWereReturned(session, known.ManagerKey, "manager", [.. lines.Take(StaleLeadScan.ShownPerNotice)], lines.Count, now);
            }
        }

        return [.. returned.Select(item => item.Line.LeadNumber)];
    }

    public static DateOnly LocalDate(DateTimeOffset now, WorkingHours hours) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, CrmSettings.ResolveZone(hours.TimeZone)).DateTime);

    /// <summary>The lead as the scan saw it, or null when it changed since (followed up, moved, closed, gone).</summary>
    private static Lead? Current(ICrmSession session, OwnedLeadEntry entry) =>
        session.Leads.Find(entry.LeadNumber) is { IsClosed: false } lead
        && lead.OwnerKey == entry.OwnerKey
        && lead.LastActivityAt == entry.LastActivityAt
        && lead.NextFollowUpAt == entry.NextFollowUpAt
            ? lead
            : null;

    private static NoticeLeadLine Line(Lead lead, StaleLead stale, string person, DateTimeOffset now) =>
        new(lead.Number, lead.Name, stale.DaysIdle(now), person, stale.PromisePassed ? lead.NextFollowUpAt : null, lead.Company ?? string.Empty);
}
