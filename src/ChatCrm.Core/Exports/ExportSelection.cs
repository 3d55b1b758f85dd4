using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Exports;

/// <summary>
/// Which leads an export reaches, through the person's Export scope, and how each becomes a row.
/// Also prepares tickets: the token drawn from a CSPRNG and kept only as its hash.
/// </summary>
public static class ExportSelection
{
    /// <summary>A link works this long, and once.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    public const int MostRows = 100_000;

    /// <summary>The store query for the scope asked, within the person's Export scope; null when it reaches beyond it.</summary>
    public static LeadQuery? QueryFor(AccessRights rights, ExportScope scope)
    {
        var granted = rights.ScopeOf(Permission.Export);
        var query = scope switch
        {
            _ when granted == AccessScope.None => null,
            ExportScope.Mine => new LeadQuery { OwnerKey = rights.User.Key },
            ExportScope.Team when granted >= AccessScope.Team && rights.User.TeamKey is { } team => new LeadQuery { TeamKey = team },
            ExportScope.Team => null,
            _ => rights.Query(Permission.Export, MostRows),
        };
        return query is null ? null : query with { IncludeClosed = true, Limit = MostRows };
    }

    public static IReadOnlyList<Lead> Leads(ICrmSession session, AccessRights rights, ExportScope scope) =>
        QueryFor(rights, scope) is { } query ? [.. session.Leads.List(query).Where(lead => rights.Covers(Permission.Export, lead))] : [];

    public static ExportRow Row(Lead lead, AccessRights rights, bool withPhones)
    {
        var full = withPhones && rights.CanRevealContact(lead);
        return new ExportRow(
            lead.Number, lead.Name, lead.Company, lead.Industry, lead.Region, lead.Stage.ToString(), lead.Amount, lead.Currency,
            lead.OwnerKey, lead.TeamKey, full ? lead.Phone?.E164 : lead.Phone?.Masked, full ? lead.Email?.Address : lead.Email?.Masked,
            lead.CreatedAt, lead.LastFollowUpAt);
    }

    /// <summary>Stores a ticket for the leads the person reaches now, audits it with its count, and gives the link.</summary>
    public static ExportReady Prepare(ICrmSession session, Actor actor, AccessRights rights, ExportScope scope, bool withPhones, string? requestNumber, IExportLinks links, DateTimeOffset now)
    {
        var count = Leads(session, rights, scope).Count;
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var ticket = new ExportTicket(Guid.CreateVersion7(now), actor.Key, scope, withPhones, Hash(token), now, now + LinkLifetime, count, requestNumber);
        session.Exports.Save(ticket);
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.CreateExport, now, null, null, null,
            $"{ticket.Id} scope={scope.ToString().ToLowerInvariant()} phones={(withPhones ? "yes" : "no")} count={count}"));
        return new ExportReady(ticket.Id, links.For(ticket.Id, token), count, withPhones, ticket.ExpiresAt);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Tells the requester their approved export is ready, with its link, through the outbox.</summary>
    internal static void Notify(ICrmSession session, string recipientKey, ExportReady ready, DateTimeOffset now) =>
        session.Outbox.Enqueue(OutboxMessage.New(Guid.CreateVersion7(now), recipientKey, new Notice(Notices.ExportReady, new Dictionary<string, string>
        {
            ["url"] = ready.Url,
            ["count"] = ready.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["phones"] = ready.WithPhones ? "true" : "false",
            ["expires"] = ready.ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }), now));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
