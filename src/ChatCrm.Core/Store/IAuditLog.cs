using ChatCrm.Core.Audit;

namespace ChatCrm.Core.Store;

public interface IAuditLog
{
    void Append(AuditEntry entry);

    AuditEntry? Find(Guid id);

    /// <summary>The person's entries in a conversation since a moment, newest first.</summary>
    IReadOnlyList<AuditEntry> RecentBy(string actorKey, string? conversationKey, DateTimeOffset since, int limit);

    /// <summary>A lead's history, newest first.</summary>
    IReadOnlyList<AuditEntry> ForLead(string leadNumber, int limit);

    void Update(AuditEntry entry);
}
