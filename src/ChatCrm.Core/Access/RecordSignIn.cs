using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>
/// Writes an audit entry for a sign-in to a page of the product (the WeCom chat sidebar): who,
/// when, from which address and browser; a deactivated person's attempt is recorded as refused.
/// A chat-platform account no one is linked to is not a user and leaves no entry.
/// </summary>
public sealed class RecordSignIn(ICrmStore store, TimeProvider clock)
{
    public const string SidebarSignIn = "sidebar.signin";

    public Task RecordAsync(string channel, string externalId, ActorOrigin? origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.People.FindUserByIdentity(channel, externalId) is not { } user)
            {
                return false;
            }

            var actor = new Actor(user, channel, ConversationKey: null, Origin: origin);
            session.Audit.Append(AuditTrail.Entry(actor, SidebarSignIn, now, null, null, null) with { Result = user.IsActive ? "ok" : "refused" });
            return true;
        }, cancellationToken);
    }
}
