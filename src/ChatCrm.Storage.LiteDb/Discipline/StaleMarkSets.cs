using ChatCrm.Core.Discipline;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Discipline;

/// <summary>
/// Stale marks kept by team, in <see cref="Buckets"/> documents per team (<c>team:bucket</c>, the
/// bucket a stable hash of the lead number), each a map from lead number to its mark. A first scan
/// marks tens of thousands of leads: one document per mark cost a LiteDB insert and index upkeep
/// each (12.5 s for 46,364 marks here); a team's marks now cost rewriting its few documents. Marks
/// kept one per document before this (the <c>stale_marks</c> collection) are still read and dropped.
/// </summary>
internal sealed class StaleMarkSets(SessionScope scope, ILiteCollection<BsonDocument> sets, ILiteCollection<BsonDocument> legacy)
{
    public const int Buckets = 16;

    private const string Marks = "Marks";

    private bool? _legacyKept;

    public IReadOnlyList<StaleMark> All()
    {
        var marks = scope.Read(() => sets.FindAll().ToList())
            .SelectMany(document => Read(TeamOf(document["_id"].AsString), document[Marks].AsDocument))
            .ToList();
        if (LegacyKept())
        {
            marks.AddRange(scope.Read(() => legacy.FindAll().ToList()).Select(FollowUpDisciplineDocuments.ToStaleMark));
        }

        return marks;
    }

    public IReadOnlyDictionary<string, StaleMark> Of(string teamKey, IReadOnlyCollection<string> leadNumbers)
    {
        var found = new Dictionary<string, StaleMark>(StringComparer.Ordinal);
        foreach (var bucket in leadNumbers.GroupBy(number => IdOf(teamKey, number)))
        {
            if (scope.Read(() => sets.FindById(bucket.Key)) is not { } document)
            {
                continue;
            }

            var marks = document[Marks].AsDocument;
            foreach (var number in bucket)
            {
                if (marks.TryGetValue(number, out var mark))
                {
                    found[number] = ToMark(number, teamKey, mark.AsDocument);
                }
            }
        }

        if (LegacyKept())
        {
            foreach (var number in leadNumbers.Where(number => !found.ContainsKey(number)))
            {
                if (scope.Read(() => legacy.FindById(number)) is { } old)
                {
                    found[number] = FollowUpDisciplineDocuments.ToStaleMark(old);
                }
            }
        }

        return found;
    }

    public void Save(string teamKey, IReadOnlyCollection<StaleMark> marks)
    {
        foreach (var bucket in marks.GroupBy(mark => IdOf(teamKey, mark.LeadNumber)))
        {
            var document = scope.Read(() => sets.FindById(bucket.Key)) ?? new BsonDocument { ["_id"] = bucket.Key, [Marks] = new BsonDocument() };
            var kept = document[Marks].AsDocument;
            foreach (var mark in bucket)
            {
                kept[mark.LeadNumber] = ToDocument(mark);
            }

            scope.Write(() => sets.Upsert(document));
        }

        if (LegacyKept())
        {
            // A mark kept the old way is replaced, not doubled.
            foreach (var mark in marks)
            {
                scope.Write(() => legacy.Delete(mark.LeadNumber));
            }
        }
    }

    public void Delete(string? teamKey, IReadOnlyCollection<string> leadNumbers)
    {
        if (leadNumbers.Count == 0)
        {
            return;
        }

        // Marks are kept under the team whose manager was told; without a team only old-style marks can exist.
        var ids = teamKey is null ? [] : leadNumbers.Select(number => IdOf(teamKey, number)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            if (scope.Read(() => sets.FindById(id)) is not { } document)
            {
                continue;
            }

            var kept = document[Marks].AsDocument;
            if (!leadNumbers.Aggregate(false, (removed, number) => kept.Remove(number) | removed))
            {
                continue;
            }

            scope.Write(() => kept.Count == 0 ? sets.Delete(id) : sets.Upsert(document));
        }

        if (LegacyKept())
        {
            foreach (var number in leadNumbers)
            {
                scope.Write(() => legacy.Delete(number));
            }
        }
    }

    private bool LegacyKept() => _legacyKept ??= scope.Read(() => legacy.FindAll().Take(1).Any());

    private static string IdOf(string teamKey, string leadNumber)
    {
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in leadNumber)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"{teamKey}:{hash % Buckets}";
    }

    private static string TeamOf(string id) => id[..id.LastIndexOf(':')];

    private static IEnumerable<StaleMark> Read(string teamKey, BsonDocument marks) =>
        marks.Select(pair => ToMark(pair.Key, teamKey, pair.Value.AsDocument));

    private static BsonDocument ToDocument(StaleMark mark) => new()
    {
        ["o"] = mark.OwnerKey,
        ["a"] = mark.LastActivityAt.UtcTicks,
        ["s"] = mark.StaleSince.UtcTicks,
        ["t"] = mark.ManagerToldAt.UtcTicks,
    };

    private static StaleMark ToMark(string leadNumber, string teamKey, BsonDocument mark) => new(
        leadNumber,
        mark["o"].AsString,
        new DateTimeOffset(mark["a"].AsInt64, TimeSpan.Zero),
        new DateTimeOffset(mark["s"].AsInt64, TimeSpan.Zero),
        new DateTimeOffset(mark["t"].AsInt64, TimeSpan.Zero),
        teamKey);
}
