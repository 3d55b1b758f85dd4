namespace ChatCrm.Core.Assignment;

/// <summary>The steps a lead's assignment records.</summary>
public enum AssignmentStepKind
{
    Matched,
    Waiting,
    Offered,

    /// <summary>The offer's notice was queued for the salesperson's chat, in the same transaction.</summary>
    Notified,
    Declined,
    Expired,
    Withdrawn,
    Claimed,
    Escalated,
}
