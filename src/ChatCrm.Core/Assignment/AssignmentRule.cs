using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// Where a new lead goes: the first rule, by <see cref="Order"/>, whose conditions all hold names
/// the team and how to pick a salesperson in it. An empty condition matches any lead; values
/// compare without regard to case; tags match when the lead has any one of the rule's.
/// </summary>
/// <param name="Key">The rule's name: in reports, escalations and its round-robin position.</param>
/// <param name="TeamKey">The team whose salespeople take the lead; null for the lead's own team
/// (the intake source's), else the only team.</param>
/// <param name="Capacity">How many leads offered and not yet claimed a salesperson may hold; one
/// with that many is skipped.</param>
public sealed record AssignmentRule(
    string Key,
    int Order,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Tags,
    string? TeamKey,
    AssignmentStrategy Strategy,
    int Capacity = AssignmentRule.DefaultCapacity)
{
    public const int DefaultCapacity = 5;

    public const string DefaultKey = "default";

    /// <summary>The last rule, always present: any lead to its own team (or the only one) in turn.</summary>
    public static AssignmentRule Default { get; } = new(DefaultKey, int.MaxValue, [], [], [], [], null, AssignmentStrategy.RoundRobin);

    public bool Matches(AssignmentRequest request, Lead lead) =>
        AnyOrContains(Sources, request.SourceKey)
        && AnyOrContains(Regions, lead.Region)
        && AnyOrContains(Industries, lead.Industry)
        && (Tags.Count == 0 || request.Tags.Any(tag => Contains(Tags, tag)));

    private static bool AnyOrContains(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && Contains(allowed, value));

    private static bool Contains(IReadOnlyList<string> allowed, string value) =>
        allowed.Any(item => string.Equals(item.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase));
}
