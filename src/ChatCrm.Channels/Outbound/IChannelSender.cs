using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Outbound;

/// <summary>Sends one outbox delivery to its chat platform, once; the outbox decides about retries.</summary>
public interface IChannelSender
{
    /// <summary>The channel whose deliveries this sends, e.g. "teams".</summary>
    string Channel { get; }

    Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken);
}
