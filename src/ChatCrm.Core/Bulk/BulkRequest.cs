namespace ChatCrm.Core.Bulk;

public enum BulkKind
{
    /// <summary>Hand every selected lead to one person.</summary>
    Transfer,

    /// <summary>Put every selected lead back in its team's pool.</summary>
    Return,

    /// <summary>Move every selected lead to the recycle bin (always with approval).</summary>
    Delete,
}

/// <summary>
/// A change to many leads at once. The leads are either listed by number, or are those a person
/// owns (<see cref="FromUser"/>: their open leads for a transfer or return, all their leads for a delete).
/// </summary>
public sealed record BulkRequest(BulkKind Kind, IReadOnlyList<string> LeadNumbers, string? FromUser, string? ToUser, string? Reason);

/// <summary>What a bulk command did: changed at once (<see cref="Count"/> leads), or opened an approval request.</summary>
public sealed record BulkOutcome(BulkKind Kind, int Count, string? ToUser, Approvals.ApprovalOpened? Approval);

/// <summary>Some of the selected leads are outside what the person may do this to: nothing was changed.</summary>
public sealed record BulkNotPermitted(BulkKind Kind, int Refused, int Total) : CrmError
{
    public override string Code => "bulk_not_permitted";
}

/// <summary>The selection holds no lead.</summary>
public sealed record NoLeadsSelected(BulkKind Kind) : CrmError
{
    public override string Code => "no_leads_selected";
}
