namespace ChatCrm.Core.Store;

/// <summary>
/// Which leads to list. Every condition given must hold. Open (not won or lost) leads only unless
/// <see cref="IncludeClosed"/>. Results are ordered by <see cref="OrderBy"/> and cut at <see cref="Limit"/>.
/// </summary>
public sealed record LeadQuery
{
    public string? OwnerKey { get; init; }

    /// <summary>Only leads nobody owns (in the pool or offered to someone).</summary>
    public bool Unowned { get; init; }

    public string? TeamKey { get; init; }

    /// <summary>Only leads of one of these teams (a region's teams).</summary>
    public IReadOnlyList<string>? TeamKeys { get; init; }

    public string? AssigneeKey { get; init; }

    /// <summary>Only leads whose last activity (last follow-up, else creation) is before this.</summary>
    public DateTimeOffset? LastActivityBefore { get; init; }

    /// <summary>Only leads whose next follow-up falls in [from, to).</summary>
    public (DateTimeOffset From, DateTimeOffset To)? NextFollowUpWithin { get; init; }

    /// <summary>Only leads created in [from, to).</summary>
    public (DateTimeOffset From, DateTimeOffset To)? CreatedWithin { get; init; }

    public bool IncludeClosed { get; init; }

    public LeadOrder OrderBy { get; init; } = LeadOrder.LastActivityOldestFirst;

    public int Limit { get; init; } = 20;
}

public enum LeadOrder
{
    LastActivityOldestFirst,
    NextFollowUpSoonestFirst,
    NewestFirst,
}
