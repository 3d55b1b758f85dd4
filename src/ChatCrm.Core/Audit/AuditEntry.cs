using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Audit;

/// <summary>
/// Who changed what, when and from which channel, with the lead before and after: written in the
/// same transaction as the change, and what Undo works from.
/// </summary>
/// <param name="Action">What was done, e.g. "lead.create", "followup.log", "lead.stage".</param>
/// <param name="Detail">The id of what the act created besides the lead (a follow-up, a reminder)
/// or, for links, the lead the conversation was linked to before.</param>
/// <param name="UndoneBy">The entry that undid this one, once undone.</param>
public sealed record AuditEntry(
    Guid Id,
    DateTimeOffset At,
    string ActorKey,
    string Channel,
    string? ConversationKey,
    string Action,
    string? LeadNumber,
    LeadSnapshot? Before,
    LeadSnapshot? After,
    string? Detail,
    Guid? UndoneBy = null);
