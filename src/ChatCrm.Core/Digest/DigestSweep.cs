using ChatCrm.Core.Discipline;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Digest;

/// <summary>
/// Every team's open leads that may need a look, read once for a whole digest run: the owned ones
/// from the index keys the stale-lead scan reads (no lead document loaded), the pool's from one walk.
/// Per team it gives the stale leads and the exceptions; only the leads a digest names, and the
/// overdue promises (whose stage decides), are read as documents.
/// </summary>
public sealed class DigestSweep
{
    private readonly ILookup<string, OwnedLeadEntry> _owned;
    private readonly ILookup<string, Lead> _pool;

    private DigestSweep(ILookup<string, OwnedLeadEntry> owned, ILookup<string, Lead> pool)
    {
        _owned = owned;
        _pool = pool;
    }

    public static DigestSweep Take(ICrmSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var owned = session.FollowUpDiscipline.IdleOwnedLeads(now).Concat(session.FollowUpDiscipline.PromisedOwnedLeads(DateTimeOffset.MaxValue));
        return new DigestSweep(
            owned.ToLookup(entry => entry.TeamKey ?? string.Empty, StringComparer.Ordinal),
            session.Leads.List(new LeadQuery { Unowned = true, Limit = int.MaxValue }).ToLookup(lead => lead.TeamKey ?? string.Empty, StringComparer.Ordinal));
    }

    /// <summary>The team's owned open leads quiet since before <paramref name="quietBefore"/> or past their next follow-up; the first <paramref name="keep"/> numbers kept.</summary>
    public DigestSample Stale(string teamKey, DateTimeOffset quietBefore, DateTimeOffset now, int keep)
    {
        var stale = _owned[teamKey]
            .Where(entry => entry.LastActivityAt < quietBefore || entry.NextFollowUpAt < now)
            .OrderBy(entry => entry.LastActivityAt)
            .ThenBy(entry => entry.LeadNumber, StringComparer.Ordinal)
            .Select(entry => entry.LeadNumber)
            .ToList();
        return new DigestSample(stale.Count, [.. stale.Take(keep)]);
    }

    /// <summary>
    /// The team's leads that need a look, worst first: overdue deals (largest first), then leads
    /// never contacted past the SLA, then owned leads quiet for <paramref name="quietAfter"/>
    /// (longest first). Returns the first <see cref="DigestMetrics.ExceptionsListed"/>, never test,
    /// demo or internal data, and how many of each kind there are. Deals past their promise and leads
    /// never contacted are few and read whole, so their counts leave test data out; quiet owned leads
    /// can be most of a team's, so they are counted from the index keys alone, test data included.
    /// </summary>
    public (IReadOnlyList<DigestException> Listed, IReadOnlyDictionary<DigestExceptionKind, int> Counts) Exceptions(
        ICrmSession session, string teamKey, DateTimeOffset now, TimeSpan firstContactSla, TimeSpan quietAfter, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        bool Counts(Lead lead) => settings.ExclusionOf(lead) is null;
        var deals = _owned[teamKey]
            .Where(entry => entry.NextFollowUpAt < now)
            .Select(entry => session.Leads.Find(entry.LeadNumber))
            .OfType<Lead>()
            .Where(lead => !lead.IsClosed && StageProbability.IsOpportunity(lead.Stage) && Counts(lead))
            .OrderByDescending(lead => lead.Amount ?? 0)
            .ThenBy(lead => lead.NextFollowUpAt)
            .ToList();
        var dealNumbers = deals.Select(lead => lead.Number).ToHashSet(StringComparer.Ordinal);
        var uncontacted = _owned[teamKey]
            .Where(entry => !entry.FollowedUp && entry.LastActivityAt < now - firstContactSla && !dealNumbers.Contains(entry.LeadNumber))
            .Select(entry => (entry.LeadNumber, Since: entry.LastActivityAt, Lead: session.Leads.Find(entry.LeadNumber)))
            .Where(item => item.Lead is not null && Counts(item.Lead))
            .Concat(_pool[teamKey].Where(lead => lead.LastFollowUpAt is null && lead.CreatedAt < now - firstContactSla && Counts(lead)).Select(lead => (lead.Number, Since: lead.CreatedAt, Lead: (Lead?)lead)))
            .OrderBy(item => item.Since)
            .ThenBy(item => item.Item1, StringComparer.Ordinal)
            .ToList();
        var uncontactedNumbers = uncontacted.Select(item => item.Item1).ToHashSet(StringComparer.Ordinal);
        var quiet = _owned[teamKey]
            .Where(entry => entry.LastActivityAt < now - quietAfter && !dealNumbers.Contains(entry.LeadNumber) && !uncontactedNumbers.Contains(entry.LeadNumber))
            .OrderBy(entry => entry.LastActivityAt)
            .ThenBy(entry => entry.LeadNumber, StringComparer.Ordinal)
            .ToList();

        var listed = new List<DigestException>();
        DigestException Named(DigestExceptionKind kind, Lead lead, DateTimeOffset since) => new(
            kind, lead.Number, lead.Name, lead.OwnerKey is { } owner ? session.People.FindUser(owner)?.DisplayName ?? owner : null, since, lead.Amount);
        listed.AddRange(deals.Take(DigestMetrics.ExceptionsListed).Select(lead => Named(DigestExceptionKind.OverdueDeal, lead, lead.NextFollowUpAt!.Value)));
        foreach (var (number, since, known) in uncontacted)
        {
            if (listed.Count >= DigestMetrics.ExceptionsListed)
            {
                break;
            }

            listed.Add(Named(DigestExceptionKind.Uncontacted, known!, since));
        }

        foreach (var entry in quiet)
        {
            if (listed.Count >= DigestMetrics.ExceptionsListed)
            {
                break;
            }

            if (session.Leads.Find(entry.LeadNumber) is { } lead && Counts(lead))
            {
                listed.Add(Named(DigestExceptionKind.Quiet, lead, entry.LastActivityAt));
            }
        }

        return (listed, new Dictionary<DigestExceptionKind, int>
        {
            [DigestExceptionKind.OverdueDeal] = deals.Count,
            [DigestExceptionKind.Uncontacted] = uncontacted.Count,
            [DigestExceptionKind.Quiet] = quiet.Count,
        });
    }
}
