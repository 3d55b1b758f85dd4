using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Digest;

/// <summary>
/// The full report behind a digest card. The caller has checked the link's signature, which is
/// what grants reading it; the numbers are the ones sent, the leads are read now.
/// </summary>
public sealed class ShowDigestReport(ICrmStore store)
{
    /// <summary>The latest entries shown under each lead; the whole history is /history in the chat.</summary>
    public const int HistoryPerLead = 5;

    public Task<DigestReport?> HandleAsync(string teamKey, DateOnly date, CancellationToken cancellationToken) =>
        store.ReadAsync(session =>
        {
            if (session.ManagerDigests.Find(teamKey, date) is not { } digest)
            {
                return null;
            }

            IReadOnlyList<Lead> Leads(DigestSample sample) => [.. sample.Keys.Select(session.Leads.Find).OfType<Lead>()];
            var followUps = digest.FollowUpsYesterday.Keys
                .Select(key => Guid.TryParse(key, out var id) ? session.FollowUps.Find(id) : null)
                .OfType<FollowUps.FollowUp>()
                .OrderBy(followUp => followUp.At)
                .Select(followUp => new DigestFollowUp(
                    followUp,
                    session.Leads.Find(followUp.LeadNumber)?.Name ?? string.Empty,
                    session.People.FindUser(followUp.AuthorKey)?.DisplayName ?? followUp.AuthorKey))
                .ToList();
            var language = digest.RecipientKeys.Select(session.People.FindUser).OfType<Access.User>().FirstOrDefault()?.Language ?? "zh";
            var (newYesterday, newDayBefore, stale) = (Leads(digest.NewYesterday), Leads(digest.NewDayBefore), Leads(digest.Stale));
            var history = newYesterday.Concat(newDayBefore).Concat(stale).Select(lead => lead.Number)
                .Concat(followUps.Select(row => row.FollowUp.LeadNumber))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(number => number, number => session.Audit.ForLead(number, HistoryPerLead), StringComparer.Ordinal);
            return new DigestReport(digest, language, newYesterday, newDayBefore, followUps, stale, history);
        }, cancellationToken);
}
