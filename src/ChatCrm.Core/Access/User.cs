namespace ChatCrm.Core.Access;

/// <summary>A person who uses the CRM. <see cref="Key"/> is stable; channels map their ids to it.</summary>
/// <param name="Aliases">Other names people use for them in chat ("Bob", "鲍勃").</param>
/// <param name="Identities">Who they are on each chat platform; an admin links them.</param>
/// <param name="PositionKey">The position that grants their permissions; null: the default for <paramref name="Role"/>.</param>
/// <param name="RegionKey">The region they belong to; null: their team's.</param>
/// <param name="Grants">Their own grants, which replace their position's for those permissions.</param>
/// <param name="DeactivatedAt">When they were offboarded: from then on they can do nothing anywhere.</param>
public sealed record User(
    string Key,
    string DisplayName,
    Role Role,
    string? TeamKey,
    IReadOnlyList<string> Aliases,
    string Language = "zh",
    IReadOnlyList<ChannelIdentity>? Identities = null,
    string? PositionKey = null,
    string? RegionKey = null,
    IReadOnlyDictionary<Permission, AccessScope>? Grants = null,
    DateTimeOffset? DeactivatedAt = null)
{
    public bool IsActive => DeactivatedAt is null;

    /// <summary>The position they hold, by key.</summary>
    public string Position => PositionKey ?? DefaultPositions.For(Role);

    // Entra object ids (GUIDs) and WeCom userids both compare without regard to case.
    public bool IsKnownAs(string channel, string externalId) =>
        Identities?.Any(identity => identity.Channel == channel && string.Equals(identity.ExternalId, externalId, StringComparison.OrdinalIgnoreCase)) == true;

    public bool Answers(string mention) =>
        string.Equals(Key, mention, StringComparison.OrdinalIgnoreCase)
        || string.Equals(DisplayName, mention, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(alias => string.Equals(alias, mention, StringComparison.OrdinalIgnoreCase));
}
