using ChatCrm.Core.Access;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>A follow-up with the name of the colleague who logged it.</summary>
public sealed record FollowUpByName(FollowUp FollowUp, string AuthorName);

/// <summary>
/// The lead linked to a conversation, as a chat sidebar shows it beside the chat: the lead, its
/// owner's name, its latest follow-ups (newest first), and what the person may do with it.
/// </summary>
/// <param name="OwnerName">The owner's display name; null while the lead sits in the pool.</param>
/// <param name="CanClaim">The person may take it from the pool (or claim it as offered to them).</param>
/// <param name="CanWork">The person may log follow-ups and change its stage.</param>
public sealed record LinkedLead(
    LeadSnapshot Lead,
    string? OwnerName,
    IReadOnlyList<FollowUpByName> RecentFollowUps,
    bool CanClaim,
    bool CanWork);

/// <summary>
/// Reads the lead linked to the actor's conversation, if the actor may see it. Changes nothing:
/// linking, claiming and logging go through their own use cases.
/// </summary>
public sealed class ShowLead(ICrmStore store)
{
    /// <summary>Enough history to recall the last conversations with the customer; the rest is a chat question away.</summary>
    public const int RecentFollowUpCount = 5;

    /// <summary>The act a refusal names.</summary>
    public const string Act = "lead.show";

    /// <returns>
    /// The linked lead; <see cref="NoLeadInContext"/> when none is linked (or the linked one is gone);
    /// <see cref="NotPermitted"/> when it is linked but the actor may no longer see it.
    /// </returns>
    public Task<Result<LinkedLead>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.ConversationKey is not { } conversation)
        {
            return Task.FromResult<Result<LinkedLead>>(new NoLeadInContext());
        }

        return store.ReadAsync<Result<LinkedLead>>(session =>
        {
            var link = session.Conversations.FindLink(conversation);
            var lead = link is null ? null : session.Leads.Find(link.LeadNumber);
            if (lead is null)
            {
                return new NoLeadInContext();
            }

            var rights = LeadAccess.Of(session, actor.User);
            if (!rights.CanSee(lead))
            {
                return new NotPermitted(Act, lead.Number);
            }

            var followUps = session.FollowUps.ListForLead(lead.Number, RecentFollowUpCount)
                .Select(followUp => new FollowUpByName(followUp, NameOf(session, followUp.AuthorKey)))
                .ToList();
            var ownerName = lead.OwnerKey is { } owner ? NameOf(session, owner) : null;
            return Result<LinkedLead>.Success(new LinkedLead(
                lead.ToSnapshot(),
                ownerName,
                followUps,
                lead.OwnerKey is null && rights.CanClaim(lead),
                rights.CanWork(lead)));
        }, cancellationToken);
    }

    // A user removed since keeps their key on old records: show the key rather than nothing.
    private static string NameOf(ICrmSession session, string userKey) => session.People.FindUser(userKey)?.DisplayName ?? userKey;
}
