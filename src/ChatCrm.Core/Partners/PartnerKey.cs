using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Core.Partners;

/// <summary>
/// An API key an external service provider calls the partner API with: the partner user it acts as,
/// the endpoints it may call (<see cref="PartnerScopes"/>), and the SHA-256 of its secret. The key
/// itself (<c>{id}.{secret}</c>) is shown once to the admin who made it and never stored.
/// </summary>
/// <param name="Id">"pk_" and 16 hex digits: not secret, it names the key in lists and logs.</param>
/// <param name="SecretHash">Lower-case hex SHA-256 of the secret part's UTF-8 bytes.</param>
public sealed record PartnerKey(
    string Id,
    string OwnerKey,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public const string IdPrefix = "pk_";

    public bool IsRevoked => RevokedAt is not null;

    public bool Allows(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>A new key for <paramref name="ownerKey"/>, and the whole key to show once.</summary>
    public static (PartnerKey Key, string Shown) Issue(string ownerKey, IReadOnlyList<string> scopes, string createdBy, DateTimeOffset now)
    {
        var id = IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new PartnerKey(id, ownerKey, scopes, HashOf(secret), now, createdBy), id + "." + secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> is this key's, compared in constant time.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(secret)), Encoding.ASCII.GetBytes(SecretHash));

    /// <summary>
    /// The key requests are signed with: hex HMAC-SHA256 keyed with the secret part over
    /// "chatcrm-signing". The client derives it the same way; the server recomputes it from the
    /// secret the request presents, so nothing but the hash is ever stored.
    /// </summary>
    public static string SigningKeyOf(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "chatcrm-signing"u8));

    public PartnerKey Revoke(string byKey, DateTimeOffset now) => this with { RevokedAt = now, RevokedBy = byKey };

    // Records print their members; the hash need not end up in a log either.
    public override string ToString() => $"PartnerKey {{ Id = {Id}, OwnerKey = {OwnerKey}, Scopes = {string.Join(',', Scopes)}, Revoked = {IsRevoked} }}";
}
