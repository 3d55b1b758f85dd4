namespace ChatCrm.Core.Assignment;

/// <summary>What one step of the engine did with a lead.</summary>
public enum AssignmentMoveKind
{
    /// <summary>Nothing was due (another pass took it, or it was settled meanwhile).</summary>
    None,
    Offered,
    Waiting,
    Escalated,
    Claimed,

    /// <summary>Offered to someone by hand: the engine leaves it to them.</summary>
    LeftToHand,
}
