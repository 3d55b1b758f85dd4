using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>
/// Tells every admin that a chat platform refuses us for a reason only an admin can fix (an
/// untrusted server IP, a wrong secret or agent id): one notice each, in one transaction, and at
/// most once per platform and error code in a clock hour, so a queue of messages failing the same
/// way raises one alert, not one per message.
/// </summary>
public sealed class RaiseIntegrationAlert(ICrmStore store, TimeProvider clock)
{
    /// <summary>The platform's message is cut to this many characters: enough for its hint and link.</summary>
    public const int LongestMessage = 300;

    /// <param name="channel">The platform, e.g. "wecom".</param>
    /// <param name="code">The platform's error code, e.g. "60020".</param>
    /// <param name="message">The platform's error message, which often names the fix (the refused IP, a link).</param>
    /// <returns>How many admins were told; 0 when this alert was raised already this hour.</returns>
    public Task<int> HandleAsync(string channel, string code, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var now = clock.GetUtcNow();
        // Recorded like a handled inbound message, in the store, so the hourly limit holds across restarts and instances.
        var key = $"alert:{channel}:{code}:{now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}";
        var text = Shorten(message ?? string.Empty);
        return store.WriteAsync(session =>
        {
            if (!session.Conversations.TryRecordInbound(new InboundMessage(key, now)))
            {
                return 0;
            }

            var admins = Admins.All(session);
            foreach (var admin in admins)
            {
                Notices.IntegrationIsFailing(session, admin.Key, channel, code, text, now);
            }

            return admins.Count;
        }, cancellationToken);
    }

    private static string Shorten(string message)
    {
        var oneLine = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= LongestMessage ? oneLine : oneLine[..LongestMessage] + "…";
    }
}
