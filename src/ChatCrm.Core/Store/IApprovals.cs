using ChatCrm.Core.Approvals;

namespace ChatCrm.Core.Store;

/// <summary>Requests for high-risk operations waiting for (or done with) a second person.</summary>
public interface IApprovals
{
    ApprovalRequest? Find(string number);

    /// <summary>A requester's requests still awaiting their confirmation code, newest first.</summary>
    IReadOnlyList<ApprovalRequest> AwaitingConfirmationBy(string requesterKey, int limit);

    /// <summary>Confirmed requests waiting for a decision that this person may decide, oldest first.</summary>
    IReadOnlyList<ApprovalRequest> PendingFor(string approverKey, int limit);

    /// <summary>Open requests (awaiting confirmation or a decision) whose time ran out at or before <paramref name="moment"/>.</summary>
    IReadOnlyList<ApprovalRequest> OpenExpiredBy(DateTimeOffset moment, int limit);

    /// <summary>Stores a new request or its next state.</summary>
    void Save(ApprovalRequest request);
}
