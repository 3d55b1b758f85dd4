using ChatCrm.Core.Conversations;

namespace ChatCrm.Core.Store;

/// <summary>Platform messages accepted and waiting to be handled.</summary>
public interface IInbox
{
    /// <summary>Adds the work; false when work with the same key was accepted before.</summary>
    bool TryAdd(InboundWork work);

    InboundWork? Find(string key);

    /// <summary>Pending work whose next attempt is due, oldest first.</summary>
    IReadOnlyList<InboundWork> Due(DateTimeOffset now, int limit);

    void Update(InboundWork work);
}
