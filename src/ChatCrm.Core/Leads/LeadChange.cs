namespace ChatCrm.Core.Leads;

/// <summary>What a use case changed: the lead before and after, and the audit entry that undoes it.</summary>
public sealed record LeadChange(Guid AuditId, LeadSnapshot? Before, LeadSnapshot After);
