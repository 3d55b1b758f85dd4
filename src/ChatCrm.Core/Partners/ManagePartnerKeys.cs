using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Partners;

/// <summary>
/// What admins do with partner API keys from chat (<c>/admin partner key add|list|revoke</c>): a key
/// goes to a user who holds the partner position, with the endpoints it may call; the whole key is
/// shown once and only its hash kept. Admins only; every change audited by key id, never the secret.
/// </summary>
public sealed class ManagePartnerKeys(ICrmStore store, TimeProvider clock)
{
    public async Task<Result<PartnerKeyIssued>> AddAsync(Actor actor, string? userMention, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await store.WriteAsync<Result<PartnerKeyIssued>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted(AuditActions.AddPartnerKey, null);
            }

            if (string.IsNullOrWhiteSpace(userMention))
            {
                return new MissingValue("user");
            }

            if (scopes.Count == 0)
            {
                return new MissingValue("scope");
            }

            var wanted = scopes.Select(scope => scope.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.FirstOrDefault(scope => !PartnerScopes.IsKnown(scope)) is { } unknown)
            {
                return new UnknownPartnerScope(unknown);
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (UserMentions.Find(session, userMention) is not { } owner)
            {
                return new UserNotFound(userMention);
            }

            if (owner.Position != DefaultPositions.Partner || !owner.IsActive)
            {
                return new NotAPartner(owner.Key);
            }

            var (key, shown) = PartnerKey.Issue(owner.Key, wanted, actor.Key, now);
            session.PartnerKeys.Save(key);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.AddPartnerKey, now, null, null, null, $"{key.Id} user={owner.Key} scopes={string.Join(',', wanted)}"));
            return Result<PartnerKeyIssued>.Success(new PartnerKeyIssued(key.Id, owner.Key, wanted, shown));
        }, cancellationToken);
    }

    public Task<Result<IReadOnlyList<PartnerKeyView>>> ListAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<IReadOnlyList<PartnerKeyView>>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("partner.key.list", null);
            }

            IReadOnlyList<PartnerKeyView> keys = [.. session.PartnerKeys.All().Select(key => new PartnerKeyView(
                key.Id, key.OwnerKey, session.People.FindUser(key.OwnerKey)?.DisplayName ?? key.OwnerKey, key.Scopes, key.CreatedAt, key.RevokedAt))];
            return Result<IReadOnlyList<PartnerKeyView>>.Success(keys);
        }, cancellationToken);

    public async Task<Result<PartnerKeyRevoked>> RevokeAsync(Actor actor, string? id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await store.WriteAsync<Result<PartnerKeyRevoked>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted(AuditActions.RevokePartnerKey, null);
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                return new MissingValue("key_id");
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            // The admin may paste the whole key: its id is the part before the dot.
            var keyId = id.Trim().Split('.')[0].ToLowerInvariant();
            if (session.PartnerKeys.Find(keyId) is not { } key)
            {
                return new PartnerKeyNotFound(keyId);
            }

            if (key.IsRevoked)
            {
                return new NoChange(key.Id);
            }

            Revoke(session, actor, key, now);
            return Result<PartnerKeyRevoked>.Success(new PartnerKeyRevoked(key.Id, key.OwnerKey));
        }, cancellationToken);
    }

    /// <summary>Revokes a key inside the caller's unit of work, with its audit entry.</summary>
    internal static void Revoke(ICrmSession session, Actor actor, PartnerKey key, DateTimeOffset now)
    {
        session.PartnerKeys.Save(key.Revoke(actor.Key, now));
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.RevokePartnerKey, now, null, null, null, $"{key.Id} user={key.OwnerKey}"));
    }
}
