using System.Globalization;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Preferences;

/// <summary>
/// Each person's own settings as one document keyed by their user key, apart from the user
/// documents (which admins write), so neither overwrites the other.
/// </summary>
internal sealed class UserPreferenceRepository(SessionScope scope, ILiteCollection<BsonDocument> preferences) : IUserPreferences
{
    private const string TimeFormat = "HH:mm";

    public UserPreferences? Find(string userKey)
    {
        var document = scope.Read(() => preferences.FindById(userKey));
        return document is null ? null : ToPreferences(document);
    }

    public void Save(UserPreferences value)
    {
        var document = ToDocument(value);
        scope.Write(() => preferences.Upsert(document));
    }

    private static BsonDocument ToDocument(UserPreferences value)
    {
        var document = new BsonDocument
        {
            ["_id"] = value.UserKey,
            ["QuietStart"] = value.QuietHours.Start.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["QuietEnd"] = value.QuietHours.End.ToString(TimeFormat, CultureInfo.InvariantCulture),
        };
        BsonFields.SetMoment(document, "UpdatedAt", value.UpdatedAt);
        return document;
    }

    private static UserPreferences ToPreferences(BsonDocument document) => new(
        document["_id"].AsString,
        new QuietHours(
            TimeOnly.ParseExact(document["QuietStart"].AsString, TimeFormat, CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(document["QuietEnd"].AsString, TimeFormat, CultureInfo.InvariantCulture)),
        BsonFields.GetMoment(document, "UpdatedAt"));
}
