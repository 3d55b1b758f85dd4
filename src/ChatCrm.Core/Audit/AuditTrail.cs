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
        new(Guid.CreateVersion7(now), now, actor.Key, actor.Channel, actor.ConversationKey, action, leadNumber, before, after, detail,
            Ip: actor.Origin?.Ip, Device: actor.Origin?.Device);

    /// <summary>A change to something other than a lead (a user, a position, a source), with that thing before and after in words.</summary>
    public static AuditEntry Change(Actor actor, string action, DateTimeOffset now, string subject, string? before, string? after, string? detail = null) =>
        new(Guid.CreateVersion7(now), now, actor.Key, actor.Channel, actor.ConversationKey, action, null, null, null, detail,
            Subject: subject, BeforeText: before, AfterText: after, Ip: actor.Origin?.Ip, Device: actor.Origin?.Device);
}
