namespace ChatCrm.Core.Discipline;

/// <summary>
/// When an owned lead counts as stale and what follows: its owner is reminded after
/// <see cref="AfterDays"/> without a follow-up, the team's manager after <see cref="ManagerAfterDays"/>
/// more, and, when <see cref="ReturnToPoolAfterDays"/> is set, it goes back to the pool that many
/// days after it went stale.
/// </summary>
public sealed record StaleThresholds(int AfterDays, int ManagerAfterDays, int? ReturnToPoolAfterDays)
{
    public static StaleThresholds Default { get; } = new(7, 3, null);

    public TimeSpan After => TimeSpan.FromDays(AfterDays);

    public TimeSpan ManagerAfter => TimeSpan.FromDays(ManagerAfterDays);

    public TimeSpan? ReturnAfter => ReturnToPoolAfterDays is { } days ? TimeSpan.FromDays(days) : null;

    /// <summary>Null when usable; otherwise what is wrong, for a message naming the setting.</summary>
    public string? Problem() =>
        AfterDays < 1 ? $"AfterDays must be at least 1 (it is {AfterDays})"
        : ManagerAfterDays < 0 ? $"ManagerAfterDays must not be negative (it is {ManagerAfterDays})"
        : ReturnToPoolAfterDays is < 1 ? $"ReturnToPoolAfterDays must be at least 1 when set (it is {ReturnToPoolAfterDays})"
        : null;
}

/// <summary>The organisation's stale-lead thresholds, and the teams that set their own.</summary>
public sealed record StaleLeadPolicy(StaleThresholds Default, IReadOnlyDictionary<string, StaleThresholds> ByTeam)
{
    public StaleThresholds For(string? teamKey) =>
        teamKey is not null && ByTeam.TryGetValue(teamKey, out var own) ? own : Default;

    /// <summary>The shortest wait of any team: the scan reads no lead younger than this.</summary>
    public TimeSpan ShortestAfter => ByTeam.Values.Append(Default).Min(thresholds => thresholds.After);
}
