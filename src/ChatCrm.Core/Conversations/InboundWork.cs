namespace ChatCrm.Core.Conversations;

public enum InboundState
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// A platform's message or event taken in and answered at once, to be handled after the answer
/// (WeCom wants its 200 within 5 seconds and retries otherwise). Kept in the store from the moment
/// it is accepted, so a crash before it is handled loses nothing; its key is kept after it is
/// handled, so a retry of the same message is accepted once.
/// </summary>
/// <param name="Key">The platform's identity of the message (its MsgId, or a hash of an event).</param>
/// <param name="Payload">What the channel's handler needs, in its own format; personal data (stored through the port), cleared once handled.</param>
public sealed record InboundWork(
    string Key,
    string Channel,
    string? Payload,
    DateTimeOffset ReceivedAt,
    InboundState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError);
