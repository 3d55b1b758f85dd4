using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>A lead and its latest follow-ups, newest first, as the asker may see them.</summary>
/// <param name="OwnerName">The owner's display name; null while the lead sits in the pool.</param>
public sealed record LeadDigestView(LeadSnapshot Lead, string? OwnerName, IReadOnlyList<FollowUpByName> FollowUps);

/// <summary>
/// "王总那边最近怎么样" / "summarise Acme": resolves the lead as every request does (a lead outside
/// the asker's scope answers as one that does not exist) and reads its latest follow-ups. Reading
/// changes nothing, so it leaves no audit entry.
/// </summary>
public sealed class BriefLead(ICrmStore store)
{
    /// <summary>What a summary is written from; the reply lists the last three.</summary>
    public const int FollowUpsRead = 10;

    public Task<Result<LeadDigestView>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ReadAsync<Result<LeadDigestView>>(session =>
        {
            var resolved = LeadResolver.Resolve(session, actor, mention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            if (!LeadAccess.Of(session, actor.User).CanSee(lead))
            {
                return new LeadNotFound(mention);
            }

            var followUps = session.FollowUps.ListForLead(lead.Number, FollowUpsRead)
                .Select(followUp => new FollowUpByName(followUp, session.People.FindUser(followUp.AuthorKey)?.DisplayName ?? followUp.AuthorKey))
                .ToList();
            var owner = lead.OwnerKey is { } key ? session.People.FindUser(key)?.DisplayName ?? key : null;
            return Result<LeadDigestView>.Success(new LeadDigestView(lead.ToSnapshot(), owner, followUps));
        }, cancellationToken);
    }
}
