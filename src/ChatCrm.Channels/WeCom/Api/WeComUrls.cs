using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>The address of one WeCom API operation: the configured root, the operation's path, its query.</summary>
internal static class WeComUrls
{
    /// <param name="apiBaseUrl">The API root (<see cref="WeComOptions.ApiBaseUrl"/>), with or without its final slash.</param>
    /// <param name="path">The operation relative to the root, e.g. <c>message/send</c>.</param>
    /// <param name="query">Query parameters, escaped here; null values are left out.</param>
    public static Uri Build(string apiBaseUrl, string path, params (string Name, string? Value)[] query)
    {
        // Without the slash, a relative path would replace the root's last segment (cgi-bin) instead of following it.
        var root = new Uri(apiBaseUrl.EndsWith('/') ? apiBaseUrl : apiBaseUrl + "/", UriKind.Absolute);
        var relative = QueryHelpers.AddQueryString(
            path.TrimStart('/'),
            query.Where(parameter => parameter.Value is not null).Select(parameter => new KeyValuePair<string, string?>(parameter.Name, parameter.Value)));
        return new Uri(root, relative);
    }
}
