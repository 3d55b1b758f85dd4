using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Audit;

/// <summary>One audited act on a lead, with the name of who did it.</summary>
public sealed record HistoryLine(AuditEntry Entry, string ActorName);

/// <summary>A page of a lead's audit trail, newest first, and whether older entries follow.</summary>
public sealed record LeadHistory(LeadSummary Lead, IReadOnlyList<HistoryLine> Lines, bool More, int Page = 0);

/// <summary>
/// A lead's history from the chat (/history L-…): every audited act on it, newest first, for
/// anyone who may see the lead; to anyone else the lead does not exist.
/// </summary>
public sealed class ShowLeadHistory(ICrmStore store)
{
    public const int PageSize = 10;

    /// <summary>The pages a person can walk back, so one request never reads an unbounded history.</summary>
    public const int MaxPage = 50;

    public Task<Result<LeadHistory>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken) =>
        HandleAsync(actor, mention, 0, cancellationToken);

    public Task<Result<LeadHistory>> HandleAsync(Actor actor, string? mention, int page, CancellationToken cancellationToken) =>
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

            var shown = Math.Clamp(page, 0, MaxPage);
            var entries = session.Audit.ForLead(lead.Number, (shown + 1) * PageSize + 1);
            var lines = entries.Skip(shown * PageSize).Take(PageSize)
                .Select(entry => new HistoryLine(entry, session.People.FindUser(entry.ActorKey)?.DisplayName ?? entry.ActorKey))
                .ToList();
            return Result<LeadHistory>.Success(new LeadHistory(lead.ToSummary(), lines, entries.Count > (shown + 1) * PageSize && shown < MaxPage, shown));
        }, cancellationToken);
}
