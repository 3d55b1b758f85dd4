using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Conversations;

/// <summary>The first step of every change made for a chat message: refuse a message seen before.</summary>
public static class InboundDedupe
{
    /// <summary>Records the actor's message as handled; an error when it was handled already.</summary>
    public static CrmError? Record(ICrmSession session, Actor actor, DateTimeOffset now) =>
        actor.InboundKey is { } key && !session.Conversations.TryRecordInbound(new InboundMessage(key, now))
            ? new AlreadyHandled(key)
            : null;
}
