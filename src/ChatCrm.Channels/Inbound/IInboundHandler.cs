namespace ChatCrm.Channels.Inbound;

/// <summary>
/// Handles a channel's accepted message after the platform was answered (see
/// <see cref="Core.Conversations.InboundQueue"/>). Throwing marks the attempt failed; it is tried
/// again later, so a handler must be safe to run twice (its changes record the message id).
/// </summary>
public interface IInboundHandler
{
    /// <summary>The channel whose work this handles: "wecom".</summary>
    string Channel { get; }

    Task HandleAsync(string key, string payload, CancellationToken cancellationToken);
}
