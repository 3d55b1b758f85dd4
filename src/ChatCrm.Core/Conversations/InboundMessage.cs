namespace ChatCrm.Core.Conversations;

/// <summary>
/// A message or button press already handled, kept so that a channel's retry of the same message
/// is answered with the same reply and changes nothing twice.
/// </summary>
/// <param name="Key">Channel + message id (or the client's idempotency key).</param>
/// <param name="ReplyJson">The reply given the first time, as the channel layer serialised it.</param>
public sealed record InboundMessage(string Key, DateTimeOffset ReceivedAt, string? ReplyJson);
