namespace ChatCrm.Core.Approvals;

/// <summary>No open request of this person matches the code or number given.</summary>
public sealed record ApprovalNotFound(string? Given) : CrmError
{
    public override string Code => "approval_not_found";
}

/// <summary>The code typed is not the one on the card; after <see cref="ApprovalDesk.MaxWrongCodes"/> the request fails.</summary>
public sealed record WrongApprovalCode(string Number, int AttemptsLeft) : CrmError
{
    public override string Code => "approval_wrong_code";
}

/// <summary>The request was decided, expired or run already: a second press does nothing.</summary>
public sealed record ApprovalClosed(string Number, ApprovalState State) : CrmError
{
    public override string Code => "approval_closed";
}

/// <summary>Nobody but the requester could approve: no active manager and no other admin.</summary>
public sealed record NoApprover(string Kind) : CrmError
{
    public override string Code => "no_approver";
}

/// <summary>The act is allowed only with a second person's approval; this path would have done it at once.</summary>
public sealed record NeedsApproval(string Act, string? LeadNumber) : CrmError
{
    public override string Code => "needs_approval";
}

/// <summary>When an approved operation came to run, nothing it was asked for could still be done.</summary>
public sealed record NothingLeft(string Kind) : CrmError
{
    public override string Code => "nothing_left";
}
