using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Digest;

/// <summary>
/// Sends each team's manager one digest card a day (job "manager-digest", every 15 minutes): on
/// the team's working days, the first run at or after the team's digest time in the team's zone
/// sends it, and a run missed then is caught up until the team's working day ends (after that the
/// numbers are a day old and the day's work has moved on). The digest stored for the team and
/// local date is the marker that keeps it to one; it is written in the same transaction as the
/// notices. A team whose manager is not a known user gets its digest sent to the admins instead;
/// people in no team appear in no digest. Its numbers are the metrics dictionary's, asked in the
/// recipient's reports scope narrowed to the team, so they equal what the chat and the dashboard say.
/// </summary>
public sealed class SendManagerDigests(ICrmStore store, TimeProvider clock, CrmSettings settings, DigestSettings digest, IDigestLinks links, ReportSettings? reports = null) : IScheduledJob
{
    private readonly ReportSettings _reports = reports ?? ReportSettings.Default;

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (teams, rulebook) = await store.ReadAsync(
            session => (session.People.AllTeams(), session.AssignmentRules.Find() ?? AssignmentRulebook.Empty),
            cancellationToken);
        var sent = new List<string>();
        DigestSweep? sweep = null;
        foreach (var team in teams.OrderBy(team => team.Key, StringComparer.Ordinal))
        {
            if (DueDate(team.Key, rulebook, now) is not { } due)
            {
                continue;
            }

            // Read once for every team due in this run, not once per team.
            sweep ??= await store.ReadAsync(session => DigestSweep.Take(session, now), cancellationToken);
            if (await SendAsync(team, due.Date, due.Zone, now, sweep, cancellationToken))
            {
                sent.Add(team.Key);
            }
        }

        return sent.Count == 0 ? JobOutcome.Nothing : new JobOutcome($"digest sent to {string.Join(", ", sent)}", sent.Count);
    }

    /// <summary>The team's local date when now is within its digest window on a working day; null otherwise.</summary>
    public (DateOnly Date, TimeZoneInfo Zone)? DueDate(string teamKey, AssignmentRulebook rulebook, DateTimeOffset now)
    {
        var hours = rulebook.HoursOf(teamKey, settings);
        var zone = CrmSettings.ResolveZone(hours.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var at = digest.AtFor(teamKey);
        // A digest time at or after the working day's end still gets the rest of that day to be sent.
        var until = hours.End > at ? hours.End : TimeOnly.MaxValue;
        return hours.Days.Contains(local.DayOfWeek) && time >= at && time < until
            ? (DateOnly.FromDateTime(local.DateTime), zone)
            : null;
    }

    private async Task<bool> SendAsync(Team team, DateOnly date, TimeZoneInfo zone, DateTimeOffset now, DigestSweep sweep, CancellationToken cancellationToken)
    {
        // Counted in a read, so the writer is not held for it; the write checks the marker again.
        var counted = await store.ReadAsync(session =>
        {
            if (session.ManagerDigests.Find(team.Key, date) is not null)
            {
                return null;
            }

            var recipients = Recipients(session, team);
            var counted = DigestFigures.Count(session, team, zone, date, now, settings, recipients, sweep);
            if (recipients.Count == 0 || session.People.FindUser(recipients[0]) is not { } asker)
            {
                return counted;
            }

            var earlier = Enumerable.Range(1, 7).Select(days => session.ManagerDigests.Find(team.Key, date.AddDays(-days))).FirstOrDefault(found => found is not null);
            var metrics = DigestMetrics.Count(session, new AnswerMetric(store, clock, settings, _reports), asker, team, now, settings.TimeZone, earlier);
            var sla = Effective(session, MetricDictionary.FirstContactWithinSla, MetricParameters.SlaHours);
            var quiet = Effective(session, MetricDictionary.StaleLeads, MetricParameters.StaleDays);
            var (exceptions, counts) = sweep.Exceptions(session, team.Key, now, sla, quiet, _reports);
            return counted with { Metrics = metrics, Exceptions = exceptions, ExceptionCounts = counts };
        }, cancellationToken);
        if (counted is null)
        {
            return false;
        }

        var link = links.For(team.Key, date, now + digest.LinkLifetime);
        return await store.WriteAsync(session =>
        {
            if (session.ManagerDigests.Find(team.Key, date) is not null)
            {
                return false;
            }

            session.ManagerDigests.Save(counted);
            foreach (var recipient in counted.RecipientKeys)
            {
                session.Outbox.Enqueue(OutboxMessage.New(Guid.CreateVersion7(now), recipient, DigestNotice.For(counted, link), now));
            }

            return true;
        }, cancellationToken);
    }

    private TimeSpan Effective(ICrmSession session, string metricId, string parameter) =>
        MetricParameters.Span(MetricParameters.Effective(session, MetricDictionary.Find(metricId)!, _reports, settings), parameter);

    // The digest is a report: its manager gets it only while their position lets them read the team's figures.
    private static IReadOnlyList<string> Recipients(ICrmSession session, Team team) =>
        session.People.FindUser(team.ManagerKey) is { IsActive: true } manager && LeadAccess.Of(session, manager).SeesReportsOf(team.Key)
            ? [manager.Key]
            : [.. Admins.All(session).Select(user => user.Key).Order(StringComparer.Ordinal)];

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
