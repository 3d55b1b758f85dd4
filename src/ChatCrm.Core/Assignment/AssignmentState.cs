namespace ChatCrm.Core.Assignment;

/// <summary>Where a lead's assignment stands: matched → (waiting) → offered → claimed, or escalated.</summary>
public enum AssignmentState
{
    /// <summary>Matched to a rule; waiting for the team's working hours.</summary>
    Waiting,

    /// <summary>Offered to a salesperson who has until the claim window ends.</summary>
    Offered,

    Claimed,

    /// <summary>Handed to the team's manager (or the admins) with why; the engine lets it be.</summary>
    Escalated,
}
