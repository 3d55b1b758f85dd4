using ChatCrm.Core.Access;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.People;

internal static class PeopleDocuments
{
    // Chat ids are personal data: kept as the protector makes them.
    public static BsonDocument UserToDocument(User user, IPersonalDataProtector protector) => new()
    {
        ["Identities"] = new BsonArray((user.Identities ?? []).Select(identity => new BsonDocument
        {
            ["Channel"] = identity.Channel,
            ["Id"] = protector.Protect(identity.ExternalId),
        })),
        ["_id"] = user.Key,
        ["DisplayName"] = user.DisplayName,
        ["Role"] = BsonFields.Name<Role>(user.Role),
        ["TeamKey"] = BsonFields.Text(user.TeamKey),
        ["Aliases"] = new BsonArray(user.Aliases.Select(alias => new BsonValue(alias))),
        ["Language"] = user.Language,
        ["PositionKey"] = BsonFields.Text(user.PositionKey),
        ["RegionKey"] = BsonFields.Text(user.RegionKey),
        ["Grants"] = user.Grants is { } grants ? GrantsToDocument(grants) : BsonValue.Null,
        ["DeactivatedAt"] = BsonFields.Ticks(user.DeactivatedAt),
    };

    public static User ToUser(BsonDocument document, IPersonalDataProtector protector) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "DisplayName"),
        BsonFields.GetName<Role>(document, "Role"),
        BsonFields.GetText(document, "TeamKey"),
        [.. document["Aliases"].AsArray.Select(alias => alias.AsString)],
        BsonFields.GetRequiredText(document, "Language"),
        document.TryGetValue("Identities", out var identities) && identities.IsArray
            ? [.. identities.AsArray.Select(identity => new ChannelIdentity(identity["Channel"].AsString, protector.Reveal(identity["Id"].AsString)))]
            : [],
        BsonFields.GetText(document, "PositionKey"),
        BsonFields.GetText(document, "RegionKey"),
        document["Grants"].IsDocument ? ToGrants(document["Grants"].AsDocument) : null,
        BsonFields.GetTicks(document, "DeactivatedAt") is { } deactivated ? new DateTimeOffset(deactivated, TimeSpan.Zero) : null);

    public static BsonDocument TeamToDocument(Team team) => new()
    {
        ["_id"] = team.Key,
        ["Name"] = team.Name,
        ["ManagerKey"] = team.ManagerKey,
        ["RegionKey"] = BsonFields.Text(team.RegionKey),
    };

    public static Team ToTeam(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Name"),
        BsonFields.GetRequiredText(document, "ManagerKey"),
        BsonFields.GetText(document, "RegionKey"));

    public static BsonDocument PositionToDocument(Position position) => new()
    {
        ["_id"] = position.Key,
        ["Name"] = position.Name,
        ["Grants"] = GrantsToDocument(position.Grants),
    };

    public static Position ToPosition(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Name"),
        ToGrants(document["Grants"].AsDocument));

    private static BsonDocument GrantsToDocument(IReadOnlyDictionary<Permission, AccessScope> grants)
    {
        var document = new BsonDocument();
        foreach (var (permission, scope) in grants)
        {
            document[permission.ToString()] = scope.ToString();
        }

        return document;
    }

    // A permission or scope this version does not know (written by a newer one) is left out, not guessed.
    private static Dictionary<Permission, AccessScope> ToGrants(BsonDocument document) =>
        document
            .Where(pair => Enum.TryParse<Permission>(pair.Key, out _) && pair.Value.IsString && Enum.TryParse<AccessScope>(pair.Value.AsString, out _))
            .ToDictionary(pair => Enum.Parse<Permission>(pair.Key), pair => Enum.Parse<AccessScope>(pair.Value.AsString));
}
