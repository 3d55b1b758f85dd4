using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// One kind of high-risk operation that runs only with a second person's approval. Register an
/// implementation in DI and open requests of its <see cref="Kind"/> with <see cref="ApprovalDesk.Open"/>;
/// <see cref="DecideApproval"/> finds it by kind and runs it when approved.
/// </summary>
public interface IApprovedOperation
{
    /// <summary>The stable name stored with each request, e.g. "lead.delete".</summary>
    string Kind { get; }

    /// <summary>
    /// What will happen, as facts channels word in the reader's language (counts, lead numbers,
    /// names, amounts); written into the request when it is opened and shown on every card.
    /// </summary>
    IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters);

    /// <summary>
    /// Runs the approved operation in the deciding unit of work. It re-checks, at this moment,
    /// that the requester may still do it and that what it acts on is still as it was; a refusal
    /// changes nothing and fails the request.
    /// </summary>
    Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now);
}

/// <summary>What an approved operation did: how many things, and facts for the requester's notice.</summary>
public sealed record OperationDone(int Count, IReadOnlyDictionary<string, string> Details);
