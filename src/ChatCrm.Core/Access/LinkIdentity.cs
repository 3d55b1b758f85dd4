using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>What linking did: the user, and the platform they are now known on.</summary>
public sealed record IdentityLinked(string UserKey, string DisplayName, string Channel, bool Linked);

/// <summary>
/// An admin says who a chat-platform account is (a Teams object id, a WeCom userid), so its
/// messages act as that CRM user; or unlinks it. One identity per user and platform; an identity
/// another user holds is refused, never moved silently. Audited without the id itself, which is
/// personal data.
/// </summary>
public sealed class LinkIdentity(ICrmStore store, TimeProvider clock)
{
    /// <summary>The platforms a person can be linked on.</summary>
    public static readonly IReadOnlyList<string> Channels = ["teams", "wecom"];

    private const int MaxExternalIdLength = 128;

    public async Task<Result<IdentityLinked>> LinkAsync(Actor actor, string? userMention, string? channel, string? externalId, CancellationToken cancellationToken)
    {
        if (Refusal(await Admins.AllowAsync(store, actor, cancellationToken), actor, userMention, channel) is { } refused)
        {
            return refused;
        }

        var id = externalId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            return new MissingValue("external_id");
        }

        if (id.Length > MaxExternalIdLength || id.Any(char.IsWhiteSpace))
        {
            return new InvalidValue("external_id", null);
        }

        var platform = channel!.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        return await store.WriteAsync(session => ForUser(session, actor, userMention!, now, user =>
        {
            if (session.People.FindUserByIdentity(platform, id) is { } holder)
            {
                return holder.Key == user.Key ? new NoChange(user.Key) : new IdentityTaken(platform, holder.Key);
            }

            if (user.Identities?.Any(identity => identity.Channel == platform) == true)
            {
                // A new account on the platform: the chat remembered for the old one is not theirs.
                session.Conversations.RemovePersonalChannel(user.Key, platform);
            }

            var identities = (user.Identities ?? []).Where(identity => identity.Channel != platform).Append(new ChannelIdentity(platform, id)).ToList();
            session.People.Save(user with { Identities = identities });
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.LinkIdentity, now, null, null, null, $"{user.Key} {platform}"));
            return Result<IdentityLinked>.Success(new IdentityLinked(user.Key, user.DisplayName, platform, Linked: true));
        }), cancellationToken);
    }

    public async Task<Result<IdentityLinked>> UnlinkAsync(Actor actor, string? userMention, string? channel, CancellationToken cancellationToken)
    {
        if (Refusal(await Admins.AllowAsync(store, actor, cancellationToken), actor, userMention, channel) is { } refused)
        {
            return refused;
        }

        var platform = channel!.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        return await store.WriteAsync(session => ForUser(session, actor, userMention!, now, user =>
        {
            if (user.Identities?.Any(identity => identity.Channel == platform) != true)
            {
                return new NoChange(user.Key);
            }

            session.People.Save(user with { Identities = [.. user.Identities.Where(identity => identity.Channel != platform)] });
            // Their chat with the bot on that platform is someone else's now, or nobody's.
            session.Conversations.RemovePersonalChannel(user.Key, platform);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.UnlinkIdentity, now, null, null, null, $"{user.Key} {platform}"));
            return Result<IdentityLinked>.Success(new IdentityLinked(user.Key, user.DisplayName, platform, Linked: false));
        }), cancellationToken);
    }

    private static Result<IdentityLinked> ForUser(ICrmSession session, Actor actor, string userMention, DateTimeOffset now, Func<User, Result<IdentityLinked>> change)
    {
        if (InboundDedupe.Record(session, actor, now) is { } seen)
        {
            return seen;
        }

        return UserMentions.Find(session, userMention) is { } user ? change(user) : new UserNotFound(userMention);
    }

    private static CrmError? Refusal(bool isAdmin, Actor actor, string? userMention, string? channel)
    {
        if (!isAdmin)
        {
            return new NotPermitted(AuditActions.LinkIdentity, null);
        }

        if (string.IsNullOrWhiteSpace(userMention))
        {
            return new MissingValue("user");
        }

        if (string.IsNullOrWhiteSpace(channel))
        {
            return new MissingValue("channel");
        }

        return Channels.Contains(channel.Trim().ToLowerInvariant()) ? null : new InvalidValue("channel", channel);
    }
}
