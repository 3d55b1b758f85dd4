namespace ChatCrm.Core.Audit;

/// <summary>What an undo reverted: the original entry, and the new entry recording the undo.</summary>
public sealed record ChangeUndone(AuditEntry Original, AuditEntry Undo);
