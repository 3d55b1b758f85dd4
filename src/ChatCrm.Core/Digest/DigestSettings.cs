namespace ChatCrm.Core.Digest;

/// <summary>When managers get their digest and how long its report link works.</summary>
/// <param name="At">The local time (in each team's zone) from which the digest is sent.</param>
/// <param name="AtByTeam">Teams that want it at another time.</param>
/// <param name="LinkLifetime">How long the link to the full report opens it.</param>
public sealed record DigestSettings(TimeOnly At, IReadOnlyDictionary<string, TimeOnly> AtByTeam, TimeSpan LinkLifetime)
{
    public static DigestSettings Default { get; } = new(new TimeOnly(8, 0), new Dictionary<string, TimeOnly>(), TimeSpan.FromDays(7));

    public TimeOnly AtFor(string teamKey) => AtByTeam.TryGetValue(teamKey, out var at) ? at : At;
}
