using ChatCrm.Core.Discipline;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Discipline;

/// <summary>Stale marks kept by team in a few documents: many at once, found by lead, dropped, and the old one-per-lead marks still honoured.</summary>
public sealed class StaleMarkSetTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Thousands_of_marks_are_kept_found_by_lead_and_dropped_by_team()
    {
        var marks = Enumerable.Range(1, 2_000).Select(n => Mark($"L-20261101-{n:0000}", "east")).ToList();
        using var store = _folder.Open();

        await store.Write(session => session.FollowUpDiscipline.SaveStaleMarks("east", marks));
        var found = await store.Read(session => session.FollowUpDiscipline.StaleMarksOf("east", ["L-20261101-0007", "L-20261101-1999", "L-20261101-9999"]));
        var elsewhere = await store.Read(session => session.FollowUpDiscipline.StaleMarksOf("south", ["L-20261101-0007"]));
        await store.Write(session => session.FollowUpDiscipline.DeleteStaleMarks("east", ["L-20261101-0007"]));
        var all = await store.Read(session => session.FollowUpDiscipline.StaleMarks());

        Assert.Equal(["L-20261101-0007", "L-20261101-1999"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(marks[6], found["L-20261101-0007"]);
        Assert.Empty(elsewhere);
        Assert.Equal(1_999, all.Count);
        Assert.DoesNotContain(all, mark => mark.LeadNumber == "L-20261101-0007");
        Assert.All(all, mark => Assert.Equal("east", mark.TeamKey));
    }

    [Fact]
    public async Task A_mark_kept_one_per_document_before_is_read_replaced_and_dropped()
    {
        using (_folder.Open())
        {
            // Creates the file as the store does (its collation), then closes it.
        }

        using (var old = new LiteDatabase(new ConnectionString { Filename = _folder.DatabasePath, Connection = ConnectionType.Direct }))
        {
            var document = new BsonDocument { ["_id"] = "L-20261101-0001", ["OwnerKey"] = "alice" };
            foreach (var (name, moment) in (IEnumerable<(string, DateTimeOffset)>)[("LastActivityAt", Now.AddDays(-10)), ("StaleSince", Now.AddDays(-3)), ("ManagerToldAt", Now.AddDays(-1))])
            {
                document[name] = moment.UtcTicks;
                document[name + "Offset"] = 0;
            }

            old.GetCollection("stale_marks").Insert(document);
        }

        using var store = _folder.Open();
        var before = await store.Read(session => session.FollowUpDiscipline.StaleMarksOf("east", ["L-20261101-0001"]));
        await store.Write(session => session.FollowUpDiscipline.SaveStaleMarks("east", [Mark("L-20261101-0001", "east")]));
        var after = await store.Read(session => session.FollowUpDiscipline.StaleMarks());

        Assert.Equal(("alice", (string?)null), (before["L-20261101-0001"].OwnerKey, before["L-20261101-0001"].TeamKey));
        Assert.Equal([Mark("L-20261101-0001", "east")], after);
    }

    private static StaleMark Mark(string lead, string team) => new(lead, "alice", Now.AddDays(-10), Now.AddDays(-3), Now, team);
}
