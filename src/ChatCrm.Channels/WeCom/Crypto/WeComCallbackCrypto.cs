using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Channels.WeCom.Crypto;

/// <summary>What decrypting a callback's <c>Encrypt</c> came to: the message and who it was for, or why not.</summary>
public sealed record WeComDecrypted(string? Message, string? ReceiveId, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// WeCom's callback crypto (the WXBizMsgCrypt scheme): the SHA-1 <c>msg_signature</c> over token,
/// timestamp, nonce and the encrypted text, and AES-256-CBC with the key from the EncodingAESKey,
/// the IV its first 16 bytes, and PKCS#7 padding to a multiple of 32 bytes (pad values 1..32,
/// which .NET's PKCS7 mode rejects above 16, so the padding is added and removed here). The
/// plaintext is 16 random bytes, the message's byte length (big-endian), the message, and the
/// receive id (the CorpId).
/// </summary>
public sealed class WeComCallbackCrypto
{
    private const int BlockForPadding = 32;
    private const int RandomLength = 16;

    private readonly string _token;
    private readonly byte[] _key;

    public WeComCallbackCrypto(string token, string encodingAesKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(encodingAesKey);
        _token = token;
        try
        {
            _key = Convert.FromBase64String(encodingAesKey.Trim() + "=");
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The EncodingAESKey is not the 43 base64 characters WeCom shows.", nameof(encodingAesKey), exception);
        }

        if (_key.Length != 32)
        {
            throw new ArgumentException("The EncodingAESKey must decode to 32 bytes (43 characters).", nameof(encodingAesKey));
        }
    }

    /// <summary>Lowercase hex SHA-1 of the four values sorted ordinally and joined.</summary>
    public static string Signature(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>True when <paramref name="signature"/> is this token's signature of the values (compared in constant time).</summary>
    public bool IsSigned(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (string.IsNullOrEmpty(signature) || timestamp is null || nonce is null || string.IsNullOrEmpty(encrypted))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(_token, timestamp, nonce, encrypted));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public WeComDecrypted Decrypt(string? encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted ?? string.Empty);
        }
        catch (FormatException)
        {
            return Failed("The encrypted text is not base64.");
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            return Failed("The encrypted text is not whole AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var padded = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        var pad = padded[^1];
        if (pad is < 1 or > BlockForPadding || pad > padded.Length)
        {
            return Failed("The decrypted text has no valid padding (wrong key?).");
        }

        var plain = padded.AsSpan(0, padded.Length - pad);
        if (plain.Length < RandomLength + 4)
        {
            return Failed("The decrypted text is too short.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(plain.Slice(RandomLength, 4));
        if (length > plain.Length - RandomLength - 4)
        {
            return Failed("The decrypted text's length field overruns it (wrong key?).");
        }

        var message = plain.Slice(RandomLength + 4, (int)length);
        var receiveId = plain[(RandomLength + 4 + (int)length)..];
        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return new WeComDecrypted(strict.GetString(message), strict.GetString(receiveId), null);
        }
        catch (DecoderFallbackException)
        {
            return Failed("The decrypted text is not UTF-8 (wrong key?).");
        }
    }

    /// <summary>Encrypts with fresh random bytes: what a reply to WeCom or a test's callback carries.</summary>
    public string Encrypt(string message, string receiveId) => Encrypt(message, receiveId, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>Encrypts with the given 16 random bytes, so a known vector reproduces byte for byte.</summary>
    public string Encrypt(string message, string receiveId, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(receiveId);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"WeCom's plaintext starts with exactly {RandomLength} random bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = RandomLength + 4 + body.Length + id.Length;
        var pad = BlockForPadding - (length % BlockForPadding);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength, 4), (uint)body.Length);
        body.CopyTo(plain.AsSpan(RandomLength + 4));
        id.CopyTo(plain.AsSpan(RandomLength + 4 + body.Length));
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    private static WeComDecrypted Failed(string problem) => new(null, null, problem);
}
