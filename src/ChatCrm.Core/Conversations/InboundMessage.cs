namespace ChatCrm.Core.Conversations;

/// <summary>
/// A message or button press whose change was made, recorded in the change's own transaction so
/// that a channel's retry of the same message changes nothing twice.
/// </summary>
/// <param name="Key">Channel + message id (or the client's idempotency key).</param>
public sealed record InboundMessage(string Key, DateTimeOffset ReceivedAt);
