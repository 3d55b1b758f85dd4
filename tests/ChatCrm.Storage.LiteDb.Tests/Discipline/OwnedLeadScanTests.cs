using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Discipline;

/// <summary>The stale-lead scan reads owned open leads from its index keys alone.</summary>
public sealed class OwnedLeadScanTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();

    [Fact]
    public async Task Only_owned_open_leads_are_found_idle_or_promised_up_to_the_moment()
    {
        using var store = _folder.Open();
        var idle = TestLeads.Create("L-1", createdAt: Now.AddDays(-9));
        var promised = TestLeads.FollowedUp("L-2", Now.AddDays(-3), Now.AddDays(-1));
        var recent = TestLeads.Create("L-3", createdAt: Now.AddDays(-1));
        var pool = TestLeads.Create("L-4", inPool: true, createdAt: Now.AddDays(-20));
        var won = TestLeads.Create("L-5", createdAt: Now.AddDays(-20));
        won.MoveTo(LeadStage.Won, Now.AddDays(-20));
        await store.WriteAsync(session =>
        {
            foreach (var lead in new[] { idle, promised, recent, pool, won })
            {
                session.Leads.Insert(lead);
            }

            return true;
        }, default);

        var (idleFound, promisedFound) = await store.ReadAsync(session => (
            session.FollowUpDiscipline.IdleOwnedLeads(Now.AddDays(-7)),
            session.FollowUpDiscipline.PromisedOwnedLeads(Now)), default);

        var entry = Assert.Single(idleFound);
        Assert.Equal(("L-1", "alice", false, Now.AddDays(-9)), (entry.LeadNumber, entry.OwnerKey, entry.FollowedUp, entry.LastActivityAt));
        var kept = Assert.Single(promisedFound);
        Assert.Equal(("L-2", true, Now.AddDays(-1)), (kept.LeadNumber, kept.FollowedUp, kept.NextFollowUpAt));
    }

    [Fact]
    public void The_scan_reads_index_keys_only()
    {
        using var database = new LiteDatabase(":memory:");
        var leads = database.GetCollection("leads");
        leads.EnsureIndex(OwnedLeadKeys.IdleKey, "$." + OwnedLeadKeys.IdleKey);
        leads.Insert(LeadDocuments.ToDocument(TestLeads.Create("L-1", createdAt: Now.AddDays(-9)), new PlainPersonalData()));

        var plan = OwnedLeadKeys.ScanQuery(leads, OwnedLeadKeys.IdleKey, Now).GetPlan();

        Assert.Equal((OwnedLeadKeys.IdleKey, "index"), (plan["index"]["name"].AsString, plan["lookup"]["loader"].AsString));
    }

    [Fact]
    public void Leads_stored_before_the_keys_existed_get_them_when_the_index_is_made()
    {
        using var database = new LiteDatabase(":memory:");
        var leads = database.GetCollection("leads");
        var old = LeadDocuments.ToDocument(TestLeads.Create("L-1", createdAt: Now.AddDays(-9)), new PlainPersonalData());
        old.Remove(OwnedLeadKeys.IdleKey);
        old.Remove(OwnedLeadKeys.PromiseKey);
        leads.Insert(old);

        leads.EnsureIndex(OwnedLeadKeys.IdleKey, "$." + OwnedLeadKeys.IdleKey);
        OwnedLeadKeys.Backfill(leads);

        Assert.Single(OwnedLeadKeys.ScanQuery(leads, OwnedLeadKeys.IdleKey, Now).ToList());
    }

    public void Dispose() => _folder.Dispose();
}
