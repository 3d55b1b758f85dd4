using ChatCrm.Channels.Rendering;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Channels.Outbound;

/// <summary>How one routing pass went: notices handed to a chat, and notices left for later.</summary>
public sealed record RoutingPass(int HandedOver, int Deferred);

/// <summary>
/// Takes the notices the core writes (an offered lead, a due reminder) to the people they are for:
/// each is rendered in the reader's language for the chat they used last on a platform that is on,
/// and handed to the outbox as that platform's delivery. Someone with no such chat keeps the
/// notice pending (the web chat inbox shows it) and it is tried again a few minutes later.
/// </summary>
public sealed class NoticeRouting(RouteNotices route, NoticeWriter notices, IEnumerable<IProactiveChannel> channels, ILogger<NoticeRouting> logger)
{
    public const int BatchSize = 50;

    private readonly Dictionary<string, IProactiveChannel> _channels =
        channels.GroupBy(channel => channel.Channel, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);

    public async Task<RoutingPass> RouteOnceAsync(CancellationToken cancellationToken)
    {
        var handedOver = 0;
        var deferred = 0;
        foreach (var due in await route.DueAsync(BatchSize, cancellationToken))
        {
            var delivery = DeliveryFor(due, out var reason);
            if (delivery is not null && await route.HandOverAsync(due.Message.Id, delivery, cancellationToken))
            {
                handedOver++;
                continue;
            }

            if (delivery is null)
            {
                await route.DeferAsync(due.Message.Id, reason, cancellationToken);
                deferred++;
            }
        }

        return new RoutingPass(handedOver, deferred);
    }

    private Delivery? DeliveryFor(NoticeToRoute due, out string reason)
    {
        if (due.Recipient is not { } recipient)
        {
            reason = "The recipient is no longer a user.";
            return null;
        }

        foreach (var chat in due.Channels)
        {
            if (!_channels.TryGetValue(chat.Channel, out var channel) || !channel.IsOn)
            {
                continue;
            }

            try
            {
                if (channel.Write(chat, notices.Write(due.Message.Notice!, recipient.Language, recipient.Key)) is { } delivery)
                {
                    reason = string.Empty;
                    return delivery;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One bad address must not hold up the person's other chats or anyone else's notices.
                logger.LogWarning(exception, "Could not write notice {MessageId} for the {Channel} chat", due.Message.Id, chat.Channel);
            }
        }

        reason = "No chat with the bot to reach the recipient in yet.";
        return null;
    }
}
