using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Audit;

/// <summary>Builds the audit entry a use case writes beside its change.</summary>
public static class AuditTrail
{
    public static AuditEntry Entry(
        Actor actor,
        string action,
        DateTimeOffset now,
        string? leadNumber,
        LeadSnapshot? before,
        LeadSnapshot? after,
        string? detail = null) =>
        new(Guid.CreateVersion7(now), now, actor.Key, actor.Channel, actor.ConversationKey, action, leadNumber, before, after, detail);
}
