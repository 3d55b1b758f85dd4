using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Store;

/// <summary>Each lead's assignment, by lead number.</summary>
public interface ILeadAssignments
{
    LeadAssignment? Find(string leadNumber);

    /// <summary>Adds or replaces the lead's assignment.</summary>
    void Save(LeadAssignment assignment);

    /// <summary>Open assignments (waiting or offered) whose next check is at or before <paramref name="moment"/>, earliest first.</summary>
    IReadOnlyList<LeadAssignment> Due(DateTimeOffset moment, int limit);

    /// <summary>Assignments of leads that came in at or after <paramref name="since"/>, oldest first.</summary>
    IReadOnlyList<LeadAssignment> RequestedSince(DateTimeOffset since, int limit);
}
