namespace ChatCrm.Core.Digest;

/// <summary>Addresses of the full report behind a digest, which open it without signing in until they expire.</summary>
public interface IDigestLinks
{
    /// <summary>An absolute URL carrying a signed, expiring token for this team and date.</summary>
    string For(string teamKey, DateOnly date, DateTimeOffset expiresAt);
}
