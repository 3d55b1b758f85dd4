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
            : []);

    public static BsonDocument TeamToDocument(Team team) => new()
    {
        ["_id"] = team.Key,
        ["Name"] = team.Name,
        ["ManagerKey"] = team.ManagerKey,
    };

    public static Team ToTeam(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Name"),
        BsonFields.GetRequiredText(document, "ManagerKey"));
}
