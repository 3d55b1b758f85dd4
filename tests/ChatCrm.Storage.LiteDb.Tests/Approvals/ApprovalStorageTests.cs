using ChatCrm.Core.Approvals;
using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Approvals;

public sealed class ApprovalStorageTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ApprovalRequest Request(string number, ApprovalState state, DateTimeOffset expiresAt) => new(
        number, "lead.delete", "wang", "webchat", "c1",
        new Dictionary<string, string> { ["leads"] = "L-1,L-2", ["odd.key with space"] = "x" },
        new Dictionary<string, string> { ["count"] = "2" },
        "客户要求删除", "HASH", ["admin", "root"], state, TestLeads.Now, expiresAt);

    [Fact]
    public async Task A_request_comes_back_as_it_was_saved()
    {
        using var store = _folder.Open();
        var saved = Request("A-1", ApprovalState.Done, TestLeads.Now.AddDays(1)) with
        {
            ConfirmedAt = TestLeads.Now, DeciderKey = "admin", DecidedAt = TestLeads.Now, DecisionReason = "ok", FinishedAt = TestLeads.Now,
            Outcome = new Dictionary<string, string> { ["count"] = "2" }, WrongCodes = 1,
        };
        await store.Write(session => session.Approvals.Save(saved));

        var found = (await store.Read(session => session.Approvals.Find("A-1")))!;

        Assert.Equal(saved.Parameters, found.Parameters);
        Assert.Equal(saved.Outcome, found.Outcome);
        Assert.Equal(saved.ApproverKeys, found.ApproverKeys);
        Assert.Equal(saved with { Parameters = found.Parameters, Summary = found.Summary, ApproverKeys = found.ApproverKeys, Outcome = found.Outcome }, found);
    }

    [Fact]
    public async Task Queries_find_requests_by_where_they_stand()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Approvals.Save(Request("A-1", ApprovalState.AwaitingConfirmation, TestLeads.Now.AddHours(1)));
            session.Approvals.Save(Request("A-2", ApprovalState.Pending, TestLeads.Now.AddHours(2)));
            session.Approvals.Save(Request("A-3", ApprovalState.Done, TestLeads.Now.AddHours(1)));
        });

        var (awaiting, pending, expired) = await store.Read(session => (
            session.Approvals.AwaitingConfirmationBy("wang", 10).Select(request => request.Number).ToList(),
            session.Approvals.PendingFor("root", 10).Select(request => request.Number).ToList(),
            session.Approvals.OpenExpiredBy(TestLeads.Now.AddHours(1), 10).Select(request => request.Number).ToList()));

        Assert.Equal(["A-1"], awaiting);
        Assert.Equal(["A-2"], pending);
        Assert.Equal(["A-1"], expired);
    }

    [Fact]
    public async Task A_binned_lead_leaves_every_lead_query_and_comes_back_whole()
    {
        using var store = _folder.Open();
        var lead = TestLeads.Create("L-20261118-0001");
        await store.Write(session => session.Leads.Insert(lead));

        await store.Write(session => session.RecycleBin.Put(lead, new BinEntry("wang", TestLeads.Now, "重复", "A-1")));
        var (found, listed, byPhone, binned) = await store.Read(session => (
            session.Leads.Find(lead.Number),
            session.Leads.Count(new LeadQuery { IncludeClosed = true }),
            session.Leads.FindByPhone(lead.Phone!),
            session.RecycleBin.DeletedByRequest("A-1", 10)));
        await store.Write(session => session.RecycleBin.Restore(lead.Number));

        Assert.Null(found);
        Assert.Equal(0, listed);
        Assert.Null(byPhone);
        Assert.Equal(("wang", "重复"), (Assert.Single(binned).Entry.DeletedBy, binned[0].Entry.Reason));
        Assert.Equal(lead.ToSnapshot(), (await store.Read(session => session.Leads.Find(lead.Number)))!.ToSnapshot());
        Assert.Equal(0, await store.Read(session => session.RecycleBin.Count()));
    }
}
