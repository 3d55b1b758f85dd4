using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// Asks salespeople to set a next follow-up date for the follow-ups they logged without one. It
/// reads the follow-ups logged since its cursor up to <see cref="NextStepSettings.Wait"/> ago and,
/// in the same unit that moves the cursor on, writes one notice per salesperson listing the leads
/// that still have no next date, no later follow-up, and the same owner. So each follow-up is
/// looked at once, and a run repeated finds the cursor moved and does nothing.
/// </summary>
public sealed class NextStepPrompts(ICrmStore store, TimeProvider clock, NextStepSettings settings) : IScheduledJob
{
    public const string CursorName = "next-step-prompts";

    private const int MaxFollowUpsPerRun = 5000;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now - settings.Wait;
        var (from, logged) = await store.ReadAsync(session =>
        {
            var cursor = session.FollowUpDiscipline.Cursor(CursorName);
            var earliest = until - settings.LookBack;
            var after = cursor is { } seen && seen > earliest ? seen : earliest;
            IReadOnlyList<FollowUp> found = after >= until ? [] : session.FollowUpDiscipline.FollowUpsLogged(after, until, MaxFollowUpsPerRun);
            return (after, found);
        }, cancellationToken);
        if (from >= until)
        {
            return JobOutcome.Nothing;
        }

        // With a full page the cursor stops at its last follow-up, and the next run goes on from there.
        var readUntil = logged.Count == MaxFollowUpsPerRun ? logged[^1].At : until;
        var prompted = await store.WriteAsync(session =>
        {
            var discipline = session.FollowUpDiscipline;
            if (discipline.Cursor(CursorName) is { } moved && moved > from)
            {
                return -1;
            }

            var count = 0;
            foreach (var author in logged.Where(followUp => followUp.NextAt is null).GroupBy(followUp => followUp.AuthorKey))
            {
                var lines = author
                    .GroupBy(followUp => followUp.LeadNumber)
                    .Select(lead => lead.MaxBy(followUp => followUp.At)!)
                    .Select(followUp => StillWithoutNextStep(session, followUp))
                    .OfType<NoticeLeadLine>()
                    .Take(PlanNextFollowUp.MaxLeads)
                    .ToList();
                // An offboarded author is prompted about nothing.
                if (lines.Count > 0 && session.People.FindUser(author.Key) is not { IsActive: false })
                {
                    Notices.NextStepIsMissing(session, author.Key, lines, now);
                    count += lines.Count;
                }
            }

            discipline.SaveCursor(CursorName, readUntil);
            return count;
        }, cancellationToken);
        return prompted switch
        {
            < 0 => new JobOutcome("another run did this stretch", 0),
            0 => JobOutcome.Nothing,
            _ => new JobOutcome($"{prompted} follow-ups without a next step prompted", prompted),
        };
    }

    /// <summary>A line for the prompt when the lead is still the author's, open, with this as its last follow-up and no next date.</summary>
    private static NoticeLeadLine? StillWithoutNextStep(ICrmSession session, FollowUp followUp) =>
        session.Leads.Find(followUp.LeadNumber) is { IsClosed: false, NextFollowUpAt: null } lead
        && lead.OwnerKey == followUp.AuthorKey
        && lead.LastFollowUpAt == followUp.At
            ? new NoticeLeadLine(lead.Number, lead.Name, 0, string.Empty, followUp.At, lead.Company ?? string.Empty)
            : null;
}
