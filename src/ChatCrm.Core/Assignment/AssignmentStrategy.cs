namespace ChatCrm.Core.Assignment;

/// <summary>How a rule picks among the salespeople who may take a lead.</summary>
public enum AssignmentStrategy
{
    /// <summary>Each in turn, starting after the one the rule offered a lead to last.</summary>
    RoundRobin,

    /// <summary>Whoever has the fewest open leads (owned plus offered); ties go in turn.</summary>
    LeastLoaded,
}
