using ChatCrm.Core.Store;

namespace ChatCrm.Core.Conversations;

/// <summary>
/// Keeps, per person and platform, the chat the bot can reach them in later. Called on every
/// inbound activity, so it looks before it writes: an unchanged address is written again only
/// when <see cref="RefreshAfter"/> has passed, to keep "last seen" roughly right.
/// </summary>
public sealed class RememberPersonalChannel(ICrmStore store, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    /// <summary>Remembers <paramref name="address"/> for the CRM user with this platform identity; false when nothing was written.</summary>
    public async Task<bool> HandleAsync(string channel, string externalUserId, string address, bool isDirect, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var needed = await store.ReadAsync(session => Decide(session, channel, externalUserId, address, isDirect, now), cancellationToken);
        if (needed is null)
        {
            return false;
        }

        // Decided again inside the write: another activity may have stored a direct address meanwhile.
        return await store.WriteAsync(session =>
        {
            if (Decide(session, channel, externalUserId, address, isDirect, now) is not { } update)
            {
                return false;
            }

            session.Conversations.SavePersonalChannel(update);
            return true;
        }, cancellationToken);
    }

    /// <summary>Forgets the person's chat on this platform (they removed the app); false when none was kept.</summary>
    public Task<bool> ForgetAsync(string channel, string externalUserId, CancellationToken cancellationToken) =>
        store.WriteAsync(session =>
            session.People.FindUserByIdentity(channel, externalUserId) is { } user
            && session.Conversations.RemovePersonalChannel(user.Key, channel), cancellationToken);

    private static PersonalChannel? Decide(ICrmSession session, string channel, string externalUserId, string address, bool isDirect, DateTimeOffset now)
    {
        if (session.People.FindUserByIdentity(channel, externalUserId) is not { } user)
        {
            return null;
        }

        var kept = session.Conversations.FindPersonalChannel(user.Key, channel);
        if (kept is { IsDirect: true } && !isDirect)
        {
            return null;
        }

        if (kept is not null && kept.Address == address && kept.IsDirect == isDirect && now - kept.SeenAt < RefreshAfter)
        {
            return null;
        }

        return new PersonalChannel(user.Key, channel, address, isDirect, now);
    }
}
