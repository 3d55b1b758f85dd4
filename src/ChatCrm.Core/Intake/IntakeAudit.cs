using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Intake;

/// <summary>Audit entries for what intake does on its own, with no person acting: the actor is the source.</summary>
internal static class IntakeAudit
{
    public const string Channel = "intake";

    /// <summary>The actor key of a source's own acts, e.g. "intake:webform": it names the source, not a person.</summary>
    public static string ActorKey(string sourceKey) => $"{Channel}:{sourceKey}";

    public static AuditEntry Entry(string actorKey, string action, DateTimeOffset now, string? leadNumber, LeadSnapshot? after, string? detail) =>
        new(Guid.CreateVersion7(now), now, actorKey, Channel, null, action, leadNumber, null, after, detail);
}
