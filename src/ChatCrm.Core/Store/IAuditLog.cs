using ChatCrm.Core.Audit;

namespace ChatCrm.Core.Store;

/// <summary>
/// The audit trail: append-only, every entry sealed into a hash chain as it is appended (see
/// <see cref="AuditChain"/>), so a changed or removed entry shows when the chain is verified.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends and seals the entry: its sequence follows the last one, its hash covers it and the last hash.</summary>
    void Append(AuditEntry entry);

    AuditEntry? Find(Guid id);

    /// <summary>The person's entries in a conversation since a moment, newest first.</summary>
    IReadOnlyList<AuditEntry> RecentBy(string actorKey, string? conversationKey, DateTimeOffset since, int limit);

    /// <summary>A lead's history, newest first.</summary>
    IReadOnlyList<AuditEntry> ForLead(string leadNumber, int limit);

    /// <summary>Notes on an entry that a later entry undid it. The only change an appended entry ever sees; it is outside the chain.</summary>
    void MarkUndone(Guid entryId, Guid undoneBy);

    /// <summary>Sealed entries after <paramref name="afterSequence"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AuditEntry> InSequence(long afterSequence, int limit);

    /// <summary>Entries written before the chain began (no seal).</summary>
    long CountUnsealed();

    /// <summary>The chain's head: the entry with the highest sequence, if any.</summary>
    AuditEntry? LastSealed();
}
