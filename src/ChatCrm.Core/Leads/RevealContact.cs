using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>A lead's full contact details, for the one person who asked.</summary>
public sealed record RevealedContact(string LeadNumber, string Name, Phone? Phone, Email? Email);

/// <summary>
/// Shows a lead's full phone and email to someone whose position grants the full-phone permission
/// over it; everyone else, everywhere else, sees them masked. Each reveal is an audit entry (which
/// lead, who, where), never with the number itself.
/// </summary>
public sealed class RevealContact(ICrmStore store, TimeProvider clock)
{
    public Task<Result<RevealedContact>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<RevealedContact>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var resolved = LeadResolver.Resolve(session, actor, mention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            if (!LeadAccess.Of(session, actor.User).CanRevealContact(lead))
            {
                return new NotPermitted(AuditActions.RevealContact, lead.Number);
            }

            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.RevealContact, now, lead.Number, null, null,
                (lead.Phone is null ? string.Empty : "phone") + (lead.Email is null ? string.Empty : " email")));
            return Result<RevealedContact>.Success(new RevealedContact(lead.Number, lead.Name, lead.Phone, lead.Email));
        }, cancellationToken);
    }
}
