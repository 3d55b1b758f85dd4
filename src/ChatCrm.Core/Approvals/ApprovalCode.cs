using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// The six-digit code a requester types to confirm they read the card: drawn from a CSPRNG, shown
/// once, stored only as a hash bound to the request's number (so one hash cannot confirm another).
/// </summary>
public static class ApprovalCode
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string requestNumber, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestNumber + ":" + code.Trim())));

    public static bool Matches(ApprovalRequest request, string code) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(request.Number, code)),
            Encoding.ASCII.GetBytes(request.CodeHash));

    /// <summary>Whether the text is six digits, the only shape a code has.</summary>
    public static bool IsCode(string? text) => text is { Length: 6 } && text.All(char.IsAsciiDigit);
}
