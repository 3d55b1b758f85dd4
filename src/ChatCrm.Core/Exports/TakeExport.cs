using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Exports;

/// <summary>The rows of an export being fetched.</summary>
public sealed record ExportFile(Guid Id, IReadOnlyList<ExportRow> Rows);

/// <summary>The link is unknown, used already, expired, or its token is wrong: all look the same from outside.</summary>
public sealed record ExportUnavailable : CrmError
{
    public override string Code => "export_unavailable";
}

/// <summary>
/// Fetches a prepared export through its link, once: the ticket is used up in the same unit that
/// reads the rows, the rows are the leads the requester reaches at this moment (masked as the
/// ticket allows), and the download is audited with its count.
/// </summary>
public sealed class TakeExport(ICrmStore store, TimeProvider clock)
{
    public Task<Result<ExportFile>> HandleAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ExportFile>>(session =>
        {
            var ticket = session.Exports.Find(id);
            if (ticket is null || string.IsNullOrEmpty(token) || ticket.UsedAt is not null || now >= ticket.ExpiresAt
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ExportSelection.Hash(token)), Encoding.ASCII.GetBytes(ticket.TokenHash)))
            {
                return new ExportUnavailable();
            }

            session.Exports.Save(ticket with { UsedAt = now });
            if (session.People.FindUser(ticket.RequesterKey) is not { IsActive: true } requester)
            {
                return new ExportUnavailable();
            }

            var rights = LeadAccess.Of(session, requester);
            var rows = ExportSelection.Leads(session, rights, ticket.Scope).Select(lead => ExportSelection.Row(lead, rights, ticket.WithPhones)).ToList();
            session.Audit.Append(AuditTrail.Entry(new Actor(requester, "export", null), AuditActions.DownloadExport, now, null, null, null,
                $"{ticket.Id} phones={(ticket.WithPhones ? "yes" : "no")} count={rows.Count}"));
            return Result<ExportFile>.Success(new ExportFile(ticket.Id, rows));
        }, cancellationToken);
    }
}
