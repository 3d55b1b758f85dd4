using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Store;

/// <summary>Leads waiting for the assignment engine, oldest first.</summary>
public interface IAssignmentRequests
{
    void Add(AssignmentRequest request);

    IReadOnlyList<AssignmentRequest> Oldest(int limit);

    /// <summary>False when there was none for the lead.</summary>
    bool Remove(string leadNumber);
}
