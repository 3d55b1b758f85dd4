using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Channels.WeCom.Crypto;

/// <summary>
/// The JS-SDK signature WeCom's <c>ww.register</c> asks the server for: lowercase hex SHA-1 of
/// <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c>, with the page's URL up to (not
/// including) its '#' fragment, and the values as they are, not URL-encoded.
/// </summary>
public static class WeComJsApiSignature
{
    public static string Compute(string ticket, string nonce, string timestamp, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(ticket);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        ArgumentException.ThrowIfNullOrEmpty(url);
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var page = fragment < 0 ? url : url[..fragment];
        var text = $"jsapi_ticket={ticket}&noncestr={nonce}&timestamp={timestamp}&url={page}";
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
