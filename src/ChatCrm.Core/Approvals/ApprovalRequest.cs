namespace ChatCrm.Core.Approvals;

/// <summary>Where a high-risk request stands.</summary>
public enum ApprovalState
{
    /// <summary>Asked for; the requester has not yet typed the one-time code the card showed them.</summary>
    AwaitingConfirmation,

    /// <summary>Confirmed by the requester; waiting for an approver.</summary>
    Pending,

    Approved,
    Rejected,

    /// <summary>Nobody decided within the time allowed (24 hours from the request): nothing ran.</summary>
    Expired,

    /// <summary>Approved and run.</summary>
    Done,

    /// <summary>Approved, but the operation was refused when it came to run (the requester lost the right, the leads changed), or the code was mistyped too often.</summary>
    Failed,
}

/// <summary>
/// A high-risk operation waiting for a second person: who asked, what for (the kind and its
/// parameters), why, who may approve it, and where it stands. The one-time code is kept hashed.
/// </summary>
/// <param name="Number">How people name it, e.g. A-20261118-0003.</param>
/// <param name="Kind">Which <see cref="IApprovedOperation"/> runs it, e.g. "lead.delete".</param>
/// <param name="Parameters">What the operation needs, as its <see cref="IApprovedOperation"/> wrote them.</param>
/// <param name="Summary">What will happen, as facts for the cards (counts, leads, names), written when asked.</param>
/// <param name="WrongCodes">Codes mistyped so far; too many and the request fails.</param>
/// <param name="Outcome">What the run did, or why it was refused, as facts for the requester's notice.</param>
public sealed record ApprovalRequest(
    string Number,
    string Kind,
    string RequesterKey,
    string Channel,
    string? ConversationKey,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Summary,
    string Reason,
    string CodeHash,
    IReadOnlyList<string> ApproverKeys,
    ApprovalState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    int WrongCodes = 0,
    DateTimeOffset? ConfirmedAt = null,
    string? DeciderKey = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionReason = null,
    DateTimeOffset? FinishedAt = null,
    IReadOnlyDictionary<string, string>? Outcome = null)
{
    /// <summary>Still waiting for the requester or an approver.</summary>
    public bool IsOpen => State is ApprovalState.AwaitingConfirmation or ApprovalState.Pending;

    public string Parameter(string key) => Parameters.TryGetValue(key, out var value) ? value : string.Empty;
}
