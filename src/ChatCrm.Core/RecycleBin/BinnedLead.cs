using ChatCrm.Core.Leads;

namespace ChatCrm.Core.RecycleBin;

/// <summary>Why and by whom a lead went to the recycle bin.</summary>
/// <param name="RequestNumber">The approval request that deleted it.</param>
public sealed record BinEntry(string DeletedBy, DateTimeOffset DeletedAt, string Reason, string? RequestNumber);

/// <summary>A lead in the recycle bin: the lead as it was, and its <see cref="BinEntry"/>.</summary>
public sealed record BinnedLead(LeadSnapshot Lead, BinEntry Entry);
