using ChatCrm.Core.Access;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.People;

internal static class PeopleDocuments
{
    public static BsonDocument UserToDocument(User user) => new()
    {
        ["_id"] = user.Key,
        ["DisplayName"] = user.DisplayName,
        ["Role"] = BsonFields.Name<Role>(user.Role),
        ["TeamKey"] = BsonFields.Text(user.TeamKey),
        ["Aliases"] = new BsonArray(user.Aliases.Select(alias => new BsonValue(alias))),
        ["Language"] = user.Language,
    };

    public static User ToUser(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "DisplayName"),
        BsonFields.GetName<Role>(document, "Role"),
        BsonFields.GetText(document, "TeamKey"),
        [.. document["Aliases"].AsArray.Select(alias => alias.AsString)],
        BsonFields.GetRequiredText(document, "Language"));

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
