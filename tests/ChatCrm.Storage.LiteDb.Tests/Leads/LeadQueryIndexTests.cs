using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

/// <summary>
/// With 100,000 leads a scan costs seconds; these hold each query shape to the index it walks,
/// as LiteDB's own query plan reports it (" then sorted" would mean LiteDB sorts everything found).
/// </summary>
public sealed class LeadQueryIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public LeadQueryIndexTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    public static TheoryData<string, LeadQuery, string[]> ListShapes => new()
    {
        { "my leads", new LeadQuery { OwnerKey = "alice", OrderBy = LeadOrder.NextFollowUpSoonestFirst }, ["OwnerByState"] },
        { "my stale leads", new LeadQuery { OwnerKey = "alice", LastActivityBefore = Now }, ["OwnerByState"] },
        { "my leads, closed too", new LeadQuery { OwnerKey = "alice", IncludeClosed = true }, ["OwnerByState", "OwnerByState"] },
        { "offered to me", new LeadQuery { AssigneeKey = "bob", Unowned = true, Limit = 1 }, ["AssigneeKey"] },
        { "the team's pool", new LeadQuery { Unowned = true, TeamKey = "east", OrderBy = LeadOrder.NewestFirst }, ["OwnerByState"] },
        { "stale leads of a team", new LeadQuery { LastActivityBefore = Now, TeamKey = "east" }, ["OpenLastActivityAt"] },
        { "stale leads, closed too", new LeadQuery { LastActivityBefore = Now, IncludeClosed = true }, ["LastActivityAt"] },
        {
            "due today in a team", new LeadQuery { TeamKey = "east", NextFollowUpWithin = (Now, Now.AddDays(1)), OrderBy = LeadOrder.NextFollowUpSoonestFirst },
            ["OpenNextFollowUpAt"]
        },
        {
            "a team's leads, next follow-up first", new LeadQuery { TeamKey = "east", OrderBy = LeadOrder.NextFollowUpSoonestFirst },
            ["OpenNextFollowUpAt", "NextFollowUpAt"]
        },
        { "everything, oldest activity first", new LeadQuery(), ["OpenLastActivityAt"] },
        { "everything, newest first", new LeadQuery { OrderBy = LeadOrder.NewestFirst }, ["CreatedAt"] },
    };

    public static TheoryData<string, LeadQuery, string[]> CountShapes => new()
    {
        { "a person's leads", new LeadQuery { OwnerKey = "alice" }, ["OwnerByState keys only"] },
        { "a person's leads due today", new LeadQuery { OwnerKey = "alice", NextFollowUpWithin = (Now, Now.AddDays(1)) }, ["OwnerByState"] },
        { "offered to a person", new LeadQuery { AssigneeKey = "bob" }, ["AssigneeKey"] },
        { "the team's pool", new LeadQuery { Unowned = true, TeamKey = "east" }, ["OwnerByState"] },
        { "a team's leads", new LeadQuery { TeamKey = "east" }, ["TeamByState keys only"] },
        { "a team's stale leads", new LeadQuery { TeamKey = "east", LastActivityBefore = Now }, ["TeamByState"] },
        { "stale leads", new LeadQuery { LastActivityBefore = Now }, ["OpenLastActivityAt keys only"] },
        { "due today", new LeadQuery { NextFollowUpWithin = (Now, Now.AddDays(1)) }, ["OpenNextFollowUpAt keys only"] },
        { "all open leads", new LeadQuery(), ["OpenLastActivityAt keys only"] },
        { "all leads", new LeadQuery { IncludeClosed = true }, ["CreatedAt keys only"] },
        { "a team's leads, closed too", new LeadQuery { TeamKey = "east", IncludeClosed = true }, ["TeamByState keys only", "TeamByState keys only"] },
    };

    [Theory]
    [MemberData(nameof(ListShapes))]
    public async Task Each_list_walks_an_index_and_never_has_LiteDB_sort(string shape, LeadQuery query, string[] indexes)
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        var used = _store.IndexesUsedBy(query).List;

        Assert.True(indexes.SequenceEqual(used), $"{shape}: {string.Join(", ", used)}");
    }

    [Theory]
    [MemberData(nameof(CountShapes))]
    public async Task Each_count_walks_the_most_selective_index(string shape, LeadQuery query, string[] indexes)
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        var used = _store.IndexesUsedBy(query).Count;

        Assert.True(indexes.SequenceEqual(used), $"{shape}: {string.Join(", ", used)}");
    }
}
