namespace ChatCrm.Core.Assignment;

/// <summary>Why a member of the rule's team was, or was not, a candidate for a lead.</summary>
public enum CandidateVerdict
{
    Eligible,

    /// <summary>Not a salesperson who may claim the lead (a manager, say).</summary>
    NoClaimPermission,

    /// <summary>Holds as many unclaimed offers as the rule's capacity allows.</summary>
    AtCapacity,

    /// <summary>Was offered this lead before and let it go (declined or let the window run out).</summary>
    OfferedBefore,

    /// <summary>Not weighed: the evaluation ran past its time cap first.</summary>
    NotEvaluated,
}
