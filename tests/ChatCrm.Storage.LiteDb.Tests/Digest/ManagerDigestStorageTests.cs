using ChatCrm.Core.Digest;
using ChatCrm.Core.Health;
using ChatCrm.Storage.LiteDb.Digest;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Digest;

public sealed class ManagerDigestStorageTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, string> Walks => new()
    {
        { "leads created in a day", "leads", "CreatedAt" },
        { "follow-ups made in a day", "followups", "At" },
        { "open leads quiet too long", "leads", "OpenLastActivityAt" },
        { "open leads past their next follow-up", "leads", "OpenNextFollowUpAt" },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public void Each_digest_count_walks_an_index_range(string walk, string collection, string index)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_folder.Root, "plans.db") });
        new StoreCollections(database).EnsureIndexes();
        var condition = walk switch
        {
            "leads created in a day" => ManagerDigestRepository.CreatedBetween(Now.AddDays(-1), Now),
            "follow-ups made in a day" => ManagerDigestRepository.FollowUpsBetween(Now.AddDays(-1), Now),
            "open leads quiet too long" => ManagerDigestRepository.OpenQuietBefore(Now),
            _ => ManagerDigestRepository.OpenDueBefore(Now),
        };

        var plan = database.GetCollection(collection).Query().Where(condition).GetPlan();

        Assert.Equal(index, plan["index"]["name"].AsString);
    }

    [Fact]
    public async Task A_sent_digest_comes_back_as_it_was_saved()
    {
        using var store = _folder.Open();
        var digest = new ManagerDigest(
            "east", "华东 East", new DateOnly(2026, 11, 19), "Asia/Shanghai", Now,
            new DigestSample(2, ["L-1", "L-2"]), new DigestSample(0, []), new DigestSample(1, [Guid.NewGuid().ToString()]), new DigestSample(5, ["L-3"]),
            [new ResponderTime("bob", "Bob 鲍勃", TimeSpan.FromMinutes(10), 2)], ["wang"]);
        await store.Write(session => session.ManagerDigests.Save(digest));

        var loaded = await store.Read(session => session.ManagerDigests.Find("east", new DateOnly(2026, 11, 19)));

        Assert.Equivalent(digest, loaded, strict: true);
    }

    [Fact]
    public async Task An_integrations_state_comes_back_as_it_was_saved()
    {
        using var store = _folder.Open();
        var state = new IntegrationState("wecom", false, Now, Now.AddMinutes(30), "gettoken: errcode 40001", true);
        await store.Write(session => session.IntegrationHealth.Save(state));

        Assert.Equal([state], await store.Read(session => session.IntegrationHealth.All()));
    }
}
