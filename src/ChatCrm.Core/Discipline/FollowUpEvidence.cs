using ChatCrm.Core.Assignment;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// Off unless configured. Marks calls and visits logged with a note too short to show what
/// happened (<see cref="EvidenceSettings.IsShort"/>) that were not completed (a longer note logged
/// on the same lead) within <see cref="EvidenceSettings.CompleteWithin"/>; at the team's day end
/// the manager gets one list of the marked ones. A cursor and the marks make a repeated run
/// mark nothing twice; a once-a-day record makes the list go out once.
/// </summary>
public sealed class FollowUpEvidence(ICrmStore store, TimeProvider clock, CrmSettings crm, EvidenceSettings settings) : IScheduledJob
{
    public const string CursorName = "follow-up-evidence";

    private const int MaxFollowUpsPerRun = 5000;
    private const int MaxListed = 1000;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return new JobOutcome("off (ChatCrm:Scheduler:FollowUpEvidence:Enabled is false)", 0);
        }

        var now = clock.GetUtcNow();
        var marked = await MarkAsync(now, cancellationToken);
        var listed = await store.WriteAsync(session => ListAtDayEnd(session, now), cancellationToken);
        return marked + listed == 0
            ? JobOutcome.Nothing
            : new JobOutcome($"{marked} follow-ups marked for missing evidence, {listed} listed to managers", marked + listed);
    }

    public static string DayListKey(string teamKey) => "evidence-list:" + teamKey;

    /// <summary>Finds the marks in a read, then writes them and moves the cursor on in one short unit, unless another run moved it first.</summary>
    private async Task<int> MarkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now - settings.CompleteWithin;
        var (after, readUntil, found) = await store.ReadAsync(session =>
        {
            var discipline = session.FollowUpDiscipline;
            var earliest = until - TimeSpan.FromDays(1);
            var from = discipline.Cursor(CursorName) is { } cursor && cursor > earliest ? cursor : earliest;
            if (from >= until)
            {
                return (from, from, new List<EvidenceMark>());
            }

            var logged = discipline.FollowUpsLogged(from, until, MaxFollowUpsPerRun);
            var marks = logged
                .Where(followUp => NeedsEvidence(followUp) && !IsCompleted(session, followUp))
                .Select(followUp => new EvidenceMark(
                    followUp.Id, followUp.LeadNumber, followUp.AuthorKey, session.Leads.Find(followUp.LeadNumber)?.TeamKey, followUp.At, followUp.Summary, now))
                .ToList();
            return (from, logged.Count == MaxFollowUpsPerRun ? logged[^1].At : until, marks);
        }, cancellationToken);
        if (after >= readUntil)
        {
            return 0;
        }

        return await store.WriteAsync(session =>
        {
            var discipline = session.FollowUpDiscipline;
            if (discipline.Cursor(CursorName) is { } moved && moved > after)
            {
                return 0;
            }

            var fresh = found.Where(mark => discipline.FindEvidenceMark(mark.FollowUpId) is null).ToList();
            fresh.ForEach(discipline.SaveEvidenceMark);
            discipline.SaveCursor(CursorName, readUntil);
            return fresh.Count;
        }, cancellationToken);
    }

    private bool NeedsEvidence(FollowUp followUp) =>
        followUp.Channel is ContactChannel.Call or ContactChannel.Visit && settings.IsShort(followUp.Summary);

    /// <summary>A longer note on the same lead, logged within the window after the short one.</summary>
    private bool IsCompleted(ICrmSession session, FollowUp followUp) =>
        session.FollowUps.ListForLead(followUp.LeadNumber, 50).Any(other =>
            other.Id != followUp.Id && other.At >= followUp.At && other.At <= followUp.At + settings.CompleteWithin && !settings.IsShort(other.Summary));

    private int ListAtDayEnd(ICrmSession session, DateTimeOffset now)
    {
        var discipline = session.FollowUpDiscipline;
        var rulebook = session.AssignmentRules.Find() ?? AssignmentRulebook.Empty;
        var unlisted = discipline.UnlistedEvidenceMarks(MaxListed);
        var listed = 0;
        foreach (var team in session.People.AllTeams())
        {
            var hours = rulebook.HoursOf(team.Key, crm);
            var local = TimeZoneInfo.ConvertTime(now, CrmSettings.ResolveZone(hours.TimeZone));
            var today = DateOnly.FromDateTime(local.DateTime);
            if (!hours.Days.Contains(local.DayOfWeek) || TimeOnly.FromDateTime(local.DateTime) < settings.DayEnd || discipline.LastDone(DayListKey(team.Key)) == today)
            {
                continue;
            }

            var marks = unlisted.Where(mark => mark.TeamKey == team.Key).ToList();
            if (marks.Count > 0)
            {
                var lines = marks.Take(StaleLeadScan.ShownPerNotice)
                    .Select(mark => new NoticeLeadLine(mark.LeadNumber, session.Leads.Find(mark.LeadNumber)?.Name ?? string.Empty, 0, mark.AuthorKey, mark.LoggedAt, mark.Summary))
                    .ToList();
                Notices.EvidenceIsMissing(session, team.ManagerKey, team.Key, lines, marks.Count, now);
                foreach (var mark in marks)
                {
                    discipline.SaveEvidenceMark(mark with { ListedAt = now });
                }

                listed += marks.Count;
            }

            // Recorded even when nothing was marked: a mark made later today waits for tomorrow's list.
            discipline.RecordDone(DayListKey(team.Key), today, now);
        }

        return listed;
    }
}
