using System.Globalization;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports.Tallies;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

/// <summary>
/// The report tallies as documents in "report_tallies": a day page "d|team|yyyy-MM-dd" (indexed by
/// its day, so "every team over a week" is one index range), a month page "m|team|yyyy-MM"
/// (indexed by its month), a stage page "s|team", an owner's teams "o|owner", and the status
/// "status" holding the fingerprint of the rules every lead is counted under.
/// </summary>
internal static class ReportTallyDocuments
{
    public const string Day = "Day";
    public const string Month = "Month";
    public const string StatusId = "status";
    public const string Fingerprint = "Fingerprint";
    private const string Team = "Team";
    private const string Kind = "Kind";
    private const string Rows = "Rows";

    /// <summary>
    /// A new database's tallies are right from the start (no leads, nothing to count); a database
    /// that already holds leads without counted tallies waits for a recount (the host runs one at start).
    /// </summary>
    public static void StartOn(Documents.StoreCollections collections, string fingerprint)
    {
        if (collections.ReportTallies.FindById(StatusId) is null && !collections.Leads.FindAll().Any())
        {
            collections.ReportTallies.Insert(new BsonDocument { ["_id"] = StatusId, [Fingerprint] = fingerprint });
        }
    }

    public static string DayId(string team, DateOnly day) => $"d|{team}|{TallyRules.DayKey(day)}";

    public static string StagesId(string team) => $"s|{team}";

    public static string MonthId(string team, DateOnly month) => $"m|{team}|{TallyRules.MonthKey(month)}";

    public static string OwnerId(string owner) => $"o|{owner}";

    /// <summary>A month page: the same figures as a day page, dated the month's first day and indexed by month instead.</summary>
    public static BsonDocument ToMonthDocument(DayTally page)
    {
        var document = ToDocument(page);
        document["_id"] = MonthId(page.Team, page.Day);
        document[Kind] = "month";
        document[Month] = TallyRules.MonthKey(page.Day);
        document[Day] = BsonValue.Null;
        return document;
    }

    public static DayTally ToMonth(BsonDocument document)
    {
        var copy = new BsonDocument(document.ToDictionary(pair => pair.Key, pair => pair.Value))
        {
            [Day] = document[Month].AsString + "-01",
        };
        return ToDay(copy);
    }

    public static BsonDocument ToDocument(OwnerTeams page) => new()
    {
        ["_id"] = OwnerId(page.Owner),
        [Kind] = "owner",
        ["Owner"] = page.Owner,
        [Rows] = new BsonArray(page.Teams.Select(pair => new BsonDocument { ["t"] = pair.Key, ["n"] = pair.Value })),
    };

    public static OwnerTeams ToOwner(BsonDocument document)
    {
        var page = new OwnerTeams(document["Owner"].AsString);
        foreach (var value in document[Rows].AsArray)
        {
            page.Teams[value.AsDocument["t"].AsString] = value.AsDocument["n"].AsInt32;
        }

        return page;
    }

    public static BsonDocument ToDocument(DayTally page)
    {
        var rows = new BsonArray();
        foreach (var row in page.Rows)
        {
            var hours = new BsonArray();
            foreach (var (hour, count) in row.FirstContactHours)
            {
                hours.Add(new BsonArray(new BsonValue(hour), new BsonValue(count)));
            }

            rows.Add(new BsonDocument
            {
                ["o"] = row.Owner,
                ["x"] = row.Excluded,
                ["c"] = row.Created,
                ["p"] = row.Opportunities,
                ["f"] = hours,
                ["w"] = row.Won,
                ["l"] = row.Lost,
                ["a"] = row.WonAmount,
                ["y"] = new BsonArray(row.CycleTicks.Select(ticks => new BsonValue(ticks))),
            });
        }

        return new BsonDocument
        {
            ["_id"] = DayId(page.Team, page.Day),
            [Kind] = "day",
            [Team] = page.Team,
            [Day] = TallyRules.DayKey(page.Day),
            [Rows] = rows,
        };
    }

    public static DayTally ToDay(BsonDocument document)
    {
        var page = new DayTally(document[Team].AsString, DateOnly.ParseExact(document[Day].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var value in document[Rows].AsArray)
        {
            var stored = value.AsDocument;
            var row = new DayTallyRow(stored["o"].AsString, stored["x"].AsBoolean)
            {
                Created = stored["c"].AsInt32,
                Opportunities = stored["p"].AsInt32,
                Won = stored["w"].AsInt32,
                Lost = stored["l"].AsInt32,
                WonAmount = stored["a"].AsDecimal,
            };
            foreach (var pair in stored["f"].AsArray)
            {
                row.FirstContactHours[pair.AsArray[0].AsInt32] = pair.AsArray[1].AsInt32;
            }

            row.CycleTicks.AddRange(stored["y"].AsArray.Select(ticks => ticks.AsInt64));
            page.Rows.Add(row);
        }

        return page;
    }

    public static BsonDocument ToDocument(StageTally page) => new()
    {
        ["_id"] = StagesId(page.Team),
        [Kind] = "stages",
        [Team] = page.Team,
        [Day] = BsonValue.Null,
        [Rows] = new BsonArray(page.Rows.Select(row => new BsonDocument
        {
            ["o"] = row.Owner,
            ["x"] = row.Excluded,
            ["s"] = row.Stage.ToString(),
            ["n"] = row.Count,
            ["a"] = row.Amount,
        })),
    };

    public static StageTally ToStages(BsonDocument document)
    {
        var page = new StageTally(document[Team].AsString);
        foreach (var value in document[Rows].AsArray)
        {
            var stored = value.AsDocument;
            page.Rows.Add(new StageTallyRow(stored["o"].AsString, stored["x"].AsBoolean, Enum.Parse<LeadStage>(stored["s"].AsString))
            {
                Count = stored["n"].AsInt32,
                Amount = stored["a"].AsDecimal,
            });
        }

        return page;
    }
}
