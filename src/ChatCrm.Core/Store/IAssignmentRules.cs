using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Store;

/// <summary>The assignment rulebook, and where each rule's round robin stands.</summary>
public interface IAssignmentRules
{
    /// <summary>Null until a rulebook was saved (the host applies the configured one at start).</summary>
    AssignmentRulebook? Find();

    void Save(AssignmentRulebook rulebook);

    /// <summary>The salesperson the rule offered a lead to last; null before its first offer.</summary>
    string? LastOffered(string ruleKey);

    void RecordOffered(string ruleKey, string userKey);
}
