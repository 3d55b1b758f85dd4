namespace ChatCrm.Core.Access;

/// <summary>A person who uses the CRM. <see cref="Key"/> is stable; channels map their ids to it.</summary>
/// <param name="Aliases">Other names people use for them in chat ("Bob", "鲍勃").</param>
/// <param name="Identities">Who they are on each chat platform; an admin links them.</param>
public sealed record User(
    string Key,
    string DisplayName,
    Role Role,
    string? TeamKey,
    IReadOnlyList<string> Aliases,
    string Language = "zh",
    IReadOnlyList<ChannelIdentity>? Identities = null)
{
    // Entra object ids (GUIDs) and WeCom userids both compare without regard to case.
    public bool IsKnownAs(string channel, string externalId) =>
        Identities?.Any(identity => identity.Channel == channel && string.Equals(identity.ExternalId, externalId, StringComparison.OrdinalIgnoreCase)) == true;

    public bool Answers(string mention) =>
        string.Equals(Key, mention, StringComparison.OrdinalIgnoreCase)
        || string.Equals(DisplayName, mention, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(alias => string.Equals(alias, mention, StringComparison.OrdinalIgnoreCase));
}
