using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Audit;

/// <summary>One audited act on a lead, with the name of who did it.</summary>
public sealed record HistoryLine(AuditEntry Entry, string ActorName);

/// <summary>A lead's audit trail, newest first, and whether older entries were left out.</summary>
public sealed record LeadHistory(LeadSummary Lead, IReadOnlyList<HistoryLine> Lines, bool More);

/// <summary>
/// A lead's history from the chat (/history L-…): every audited act on it, newest first, for
/// anyone who may see the lead; to anyone else the lead does not exist.
/// </summary>
public sealed class ShowLeadHistory(ICrmStore store)
{
    public const int PageSize = 15;

    public Task<Result<LeadHistory>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<LeadHistory>>(session =>
        {
            var resolved = LeadResolver.Resolve(session, actor, mention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            // The linked lead is resolved without a scope check; history is for those who may see it.
            if (!LeadAccess.Of(session, actor.User).CanSee(lead))
            {
                return new LeadNotFound(mention ?? lead.Number);
            }

            var entries = session.Audit.ForLead(lead.Number, PageSize + 1);
            var lines = entries.Take(PageSize)
                .Select(entry => new HistoryLine(entry, session.People.FindUser(entry.ActorKey)?.DisplayName ?? entry.ActorKey))
                .ToList();
            return Result<LeadHistory>.Success(new LeadHistory(lead.ToSummary(), lines, entries.Count > PageSize));
        }, cancellationToken);
}
