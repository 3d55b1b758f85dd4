using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ChatCrm.Channels.WeCom.Messages;

/// <summary>
/// A button's payload carried in a template card button's <c>key</c> (at most 1,024 bytes), which
/// WeCom sends back as the click event's <c>EventKey</c>: the payload's JSON, base64url-encoded
/// after a short prefix, so the press needs no server-side state to be understood.
/// </summary>
public static class WeComButtonKey
{
    public const int MaxBytes = 1024;

    private const string Prefix = "p1.";

    /// <summary>The key for <paramref name="payload"/>, or null when it would be too long for WeCom.</summary>
    public static string? Write(IReadOnlyDictionary<string, string> payload)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(payload);
        var key = Prefix + Base64Url.EncodeToString(json);
        return Encoding.UTF8.GetByteCount(key) <= MaxBytes ? key : null;
    }

    /// <summary>The payload a key carries; null for a key we did not write or one that was tampered into nonsense.</summary>
    public static IReadOnlyDictionary<string, string>? Read(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > MaxBytes)
        {
            return null;
        }

        try
        {
            var json = Base64Url.DecodeFromChars(key.AsSpan(Prefix.Length));
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
