using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Partners;

/// <summary>Why a partner request was refused, before any lead is looked at.</summary>
public enum PartnerRefusal
{
    /// <summary>No key, a malformed key, an unknown id, a wrong secret, a revoked key or a deactivated owner: all 401 alike.</summary>
    NotAuthenticated,

    /// <summary>A good key without the endpoint's scope: 403.</summary>
    OutOfScope,
}

/// <summary>A partner request's key, checked: the key and the user it acts as, or why not.</summary>
public sealed record PartnerCaller(PartnerKey? Key, User? Owner, string? SigningKey, PartnerRefusal? Refusal);

/// <summary>
/// Checks a presented partner key (<c>{id}.{secret}</c>) against the store: the id names a key,
/// the secret hashes to its hash, it is not revoked and its owner is active. The people and key
/// reads are the store's committed state, so a revoke or an offboarding counts from its commit on.
/// </summary>
public sealed class PartnerAccess(ICrmStore store)
{
    private const int LongestKey = 200;

    public async Task<PartnerCaller> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        var refused = new PartnerCaller(null, null, null, PartnerRefusal.NotAuthenticated);
        if (string.IsNullOrEmpty(presented) || presented.Length > LongestKey || presented.Split('.') is not [var id, var secret] || id.Length == 0 || secret.Length == 0)
        {
            return refused;
        }

        var (key, owner) = await store.ReadAsync(session =>
            session.PartnerKeys.Find(id) is { } found ? (found, session.People.FindUser(found.OwnerKey)) : ((PartnerKey?)null, (User?)null), cancellationToken);
        if (key is null || !key.Matches(secret) || key.IsRevoked || owner is not { IsActive: true })
        {
            return refused;
        }

        return new PartnerCaller(key, owner, PartnerKey.SigningKeyOf(secret), null);
    }
}
