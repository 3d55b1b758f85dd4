using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Intake;

/// <summary>
/// How an intake request proves its source: <c>X-ChatCrm-Signature: sha256=&lt;hex&gt;</c> where the hex
/// is HMAC-SHA256 keyed with the source's secret over <c>{X-ChatCrm-Timestamp}.{raw body}</c>, and the
/// timestamp (Unix seconds) within the allowed skew of our clock, so a captured request cannot be
/// replayed later. The signature is compared in constant time.
/// </summary>
public static class IntakeSignature
{
    public const string Prefix = "sha256=";

    /// <summary>What the sender puts in X-ChatCrm-Signature for this body, e.g. in tests and examples.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    /// <returns>Null when the request is signed by the secret and on time; else why not, for the sender and the admins.</returns>
    public static string? Refusal(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan skew)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "X-ChatCrm-Timestamp is missing or not Unix seconds";
        }

        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "X-ChatCrm-Signature is missing or does not start with sha256=";
        }

        Span<byte> given = stackalloc byte[32];
        var hex = signature.AsSpan(Prefix.Length);
        var expected = Compute(secret, timestamp!, body);
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out _) != System.Buffers.OperationStatus.Done
            || !CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return "the signature does not match";
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        return (now - sent).Duration() > skew ? $"the timestamp is more than {skew.TotalMinutes:0} minutes from our clock" : null;
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
