using System.Globalization;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Assignment;

/// <summary>
/// The rulebook as one document (it is small and always read whole), and each rule's round-robin
/// position as a document of its own, keyed by rule, since offers write it and the rulebook rarely changes.
/// </summary>
internal sealed class AssignmentRuleRepository(SessionScope scope, ILiteCollection<BsonDocument> rulebooks, ILiteCollection<BsonDocument> turns) : IAssignmentRules
{
    private const string RulebookId = "rulebook";
    private const string TimeFormat = "HH:mm";

    public AssignmentRulebook? Find()
    {
        var document = scope.Read(() => rulebooks.FindById(RulebookId));
        return document is null ? null : ToRulebook(document);
    }

    public void Save(AssignmentRulebook rulebook)
    {
        var document = ToDocument(rulebook);
        scope.Write(() => rulebooks.Upsert(document));
    }

    public string? LastOffered(string ruleKey)
    {
        var document = scope.Read(() => turns.FindById(ruleKey));
        return document is null ? null : BsonFields.GetText(document, "LastUserKey");
    }

    public void RecordOffered(string ruleKey, string userKey)
    {
        var document = new BsonDocument { ["_id"] = ruleKey, ["LastUserKey"] = userKey };
        scope.Write(() => turns.Upsert(document));
    }

    private static BsonDocument ToDocument(AssignmentRulebook rulebook) => new()
    {
        ["_id"] = RulebookId,
        ["Origin"] = rulebook.Origin,
        ["Rules"] = new BsonArray(rulebook.Rules.Select(rule => new BsonDocument
        {
            ["Key"] = rule.Key,
            ["Order"] = rule.Order,
            ["Sources"] = Texts(rule.Sources),
            ["Regions"] = Texts(rule.Regions),
            ["Industries"] = Texts(rule.Industries),
            ["Tags"] = Texts(rule.Tags),
            ["TeamKey"] = BsonFields.Text(rule.TeamKey),
            ["Strategy"] = BsonFields.Name<AssignmentStrategy>(rule.Strategy),
            ["Capacity"] = rule.Capacity,
        })),
        ["Hours"] = new BsonArray(rulebook.HoursByTeam.Select(pair => new BsonDocument
        {
            ["Team"] = pair.Key,
            ["TimeZone"] = pair.Value.TimeZone,
            ["Days"] = Texts(pair.Value.Days.Select(day => day.ToString())),
            ["Start"] = pair.Value.Start.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["End"] = pair.Value.End.ToString(TimeFormat, CultureInfo.InvariantCulture),
        })),
    };

    private static AssignmentRulebook ToRulebook(BsonDocument document) => new(
        [.. document["Rules"].AsArray.Select(value =>
        {
            var rule = value.AsDocument;
            return new AssignmentRule(
                rule["Key"].AsString,
                rule["Order"].AsInt32,
                Strings(rule["Sources"]),
                Strings(rule["Regions"]),
                Strings(rule["Industries"]),
                Strings(rule["Tags"]),
                BsonFields.GetText(rule, "TeamKey"),
                BsonFields.GetName<AssignmentStrategy>(rule, "Strategy"),
                rule["Capacity"].AsInt32);
        })],
        document["Hours"].AsArray.Select(value => value.AsDocument).ToDictionary(
            hours => hours["Team"].AsString,
            hours => new WorkingHours(
                hours["TimeZone"].AsString,
                [.. Strings(hours["Days"]).Select(Enum.Parse<DayOfWeek>)],
                TimeOnly.ParseExact(hours["Start"].AsString, TimeFormat, CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(hours["End"].AsString, TimeFormat, CultureInfo.InvariantCulture))),
        document["Origin"].AsString);

    private static BsonArray Texts(IEnumerable<string> items) => new(items.Select(item => new BsonValue(item)));

    private static List<string> Strings(BsonValue array) => [.. array.AsArray.Select(item => item.AsString)];
}
