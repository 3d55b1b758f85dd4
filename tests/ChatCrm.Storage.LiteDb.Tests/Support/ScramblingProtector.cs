using System.Security.Cryptography;
using System.Text;
using ChatCrm.Core.Personal;

namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>
/// Stands in for encryption at rest: what it stores and what it indexes never contain the plain
/// value, so a test can tell whether the store kept a phone anywhere else.
/// </summary>
public sealed class ScramblingProtector : IPersonalDataProtector
{
    public string Protect(string plain) => "sealed:" + new string([.. plain.Reverse()]);

    public string Reveal(string stored) => new([.. stored["sealed:".Length..].Reverse()]);

    public string LookupKey(string plain) => "lookup:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
}
