using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Audit;

/// <summary>
/// Who changed what, when and from which channel, with the lead before and after: written in the
/// same transaction as the change, and what Undo works from.
/// </summary>
/// <param name="Action">What was done, e.g. "lead.create", "followup.log", "lead.stage".</param>
/// <param name="Detail">The id of what the act created besides the lead (a follow-up, a reminder)
/// or, for links, the lead the conversation was linked to before.</param>
/// <param name="UndoneBy">The entry that undid this one, once undone: an annotation outside the
/// chain (the undo is itself a sealed entry naming this one).</param>
/// <param name="Subject">What a change other than a lead's was about: "user:alice", "position:sales".</param>
/// <param name="BeforeText">That thing before the change, in words.</param>
/// <param name="AfterText">That thing after the change, in words.</param>
/// <param name="Result">"ok", or what happened instead ("refused", "pending-approval").</param>
/// <param name="Ip">The address the person acted from, where the channel tells.</param>
/// <param name="Device">The person's client, where the channel tells (a browser's User-Agent, Teams' platform).</param>
/// <param name="Seal">Where the entry sits in the hash chain; null until the store appends it (and on entries older than the chain).</param>
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
    Guid? UndoneBy = null,
    string? Subject = null,
    string? BeforeText = null,
    string? AfterText = null,
    string Result = "ok",
    string? Ip = null,
    string? Device = null,
    AuditSeal? Seal = null);

/// <summary>An entry's place in the audit chain: its number (gap-free from 1) and the hashes linking it to the one before.</summary>
public sealed record AuditSeal(long Sequence, string PreviousHash, string Hash);
