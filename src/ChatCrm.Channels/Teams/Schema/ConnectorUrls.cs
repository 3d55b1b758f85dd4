namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// The Bot Connector REST addresses. Teams' serviceUrl ends with a slash
/// ("https://smba.trafficmanager.net/apac/"), the Agents Playground's does not
/// ("http://localhost:56150/_connector"), so paths are joined, never concatenated; ids are
/// escaped because Teams conversation ids contain ':', '@' and ';'.
/// </summary>
public static class ConnectorUrls
{
    /// <summary><c>POST {serviceUrl}v3/conversations</c>: create a conversation (a 1:1 for a proactive message).</summary>
    public static Uri Conversations(string serviceUrl) => Join(serviceUrl, "v3/conversations");

    /// <summary><c>POST {serviceUrl}v3/conversations/{id}/activities</c>: send to a conversation (proactive).</summary>
    public static Uri SendToConversation(string serviceUrl, string conversationId) =>
        Join(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");

    /// <summary><c>POST {serviceUrl}v3/conversations/{id}/activities/{replyToId}</c>: reply to an activity.</summary>
    public static Uri ReplyToActivity(string serviceUrl, string conversationId, string replyToId) =>
        Join(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}");

    /// <summary><c>PUT {serviceUrl}v3/conversations/{id}/activities/{activityId}</c>: update a sent card in place.</summary>
    public static Uri UpdateActivity(string serviceUrl, string conversationId, string activityId) =>
        ReplyToActivity(serviceUrl, conversationId, activityId);

    private static Uri Join(string serviceUrl, string relativePath)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) service URL.", nameof(serviceUrl));
        }

        // Without the trailing slash, Uri resolution would drop the last segment ("_connector").
        var root = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        return new Uri(root + relativePath, UriKind.Absolute);
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }
}
