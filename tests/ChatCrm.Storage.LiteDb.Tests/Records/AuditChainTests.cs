using ChatCrm.Core.Audit;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

/// <summary>
/// The audit trail as a hash chain on a real file: sealed on append in one writer, gap-free across
/// units and reopening, unmoved by a unit that rolled back, and broken where a file edit breaks it.
/// </summary>
public sealed class AuditChainTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private LiteDbCrmStore _store;

    public AuditChainTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Entries_are_numbered_from_one_and_each_seal_covers_the_entry_and_the_one_before()
    {
        var lead = TestLeads.Create("L-1");
        var before = lead.ToSnapshot();
        lead.Value(88000.10m, "CNY", Now.AddMinutes(3));
        await Append(Entry("lead.amount", "L-1") with { Before = before, After = lead.ToSnapshot() }, Entry("lead.stage", "L-1"));
        await Append(Entry("user.change", null) with { Subject = "user:bob", BeforeText = "position=sales", AfterText = "position=intern", Ip = "10.0.0.7", Device = "Mozilla/5.0" });

        var chain = await _store.Read(session => session.Audit.InSequence(0, 10));

        Assert.Equal([1L, 2L, 3L], chain.Select(entry => entry.Seal!.Sequence));
        Assert.Equal(AuditChain.Genesis, chain[0].Seal!.PreviousHash);
        Assert.Equal(chain[0].Seal!.Hash, chain[1].Seal!.PreviousHash);
        Assert.Equal(chain[1].Seal!.Hash, chain[2].Seal!.PreviousHash);
        Assert.All(chain, entry => Assert.Equal(entry.Seal!.Hash, AuditChain.Hash(entry with { Seal = null }, entry.Seal.Sequence, entry.Seal.PreviousHash)));
    }

    [Fact]
    public async Task A_unit_that_fails_after_appending_leaves_no_hole_in_the_chain()
    {
        await Append(Entry("lead.stage", "L-1"));
        await Assert.ThrowsAnyAsync<Exception>(() => _store.Write(session =>
        {
            session.Audit.Append(Entry("lead.stage", "L-2"));
            throw new InvalidOperationException("the use case failed after its audit entry");
        }));
        await Append(Entry("lead.stage", "L-3"));

        var chain = await _store.Read(session => session.Audit.InSequence(0, 10));

        Assert.Equal([("L-1", 1L), ("L-3", 2L)], chain.Select(entry => (entry.LeadNumber!, entry.Seal!.Sequence)));
        Assert.Equal(chain[0].Seal!.Hash, chain[1].Seal!.PreviousHash);
    }

    [Fact]
    public async Task The_chain_goes_on_after_the_store_is_reopened_and_marking_an_entry_undone_keeps_it_intact()
    {
        var first = Entry("lead.stage", "L-1");
        await Append(first);
        _store.Dispose();
        _store = _folder.Open();
        var undo = Entry("undo", "L-1");
        await Append(undo);
        await _store.Write(session => session.Audit.MarkUndone(first.Id, undo.Id));

        var report = await new VerifyAuditChain(_store).VerifyAsync(default);

        Assert.True(report.Holds);
        Assert.Equal(2, report.Verified);
        Assert.Equal(undo.Id, (await _store.Read(session => session.Audit.Find(first.Id)))!.UndoneBy);
    }

    [Theory]
    [InlineData("change", 2, "hash")]
    [InlineData("rehash", 3, "link")]
    [InlineData("delete", 2, "gap")]
    public async Task Editing_the_file_breaks_the_chain_where_it_was_edited(string edit, long brokenAt, string reason)
    {
        var entries = Enumerable.Range(1, 4).Select(number => Entry("lead.stage", $"L-{number}")).ToArray();
        await Append(entries);
        _store.Dispose();
        using (var file = new LiteDatabase($"Filename={_folder.DatabasePath};Connection=direct"))
        {
            var audit = file.GetCollection("audit");
            var second = audit.FindById(entries[1].Id);
            switch (edit)
            {
                case "change":
                    second["Action"] = "lead.delete";
                    audit.Update(second);
                    break;
                case "rehash":
                    // A careful forger recomputes the edited entry's own hash: the next one still points at the old.
                    second["Action"] = "lead.delete";
                    second["Hash"] = AuditChain.Hash(entries[1] with { Action = "lead.delete" }, 2, second["PreviousHash"].AsString);
                    audit.Update(second);
                    break;
                default:
                    audit.Delete(entries[1].Id);
                    break;
            }
        }

        _store = _folder.Open();
        var report = await new VerifyAuditChain(_store).VerifyAsync(default);

        Assert.False(report.Holds);
        Assert.Equal((brokenAt, reason), (report.Break!.Sequence, report.Break.Reason));
        Assert.Equal(brokenAt - 1, report.Verified);
    }

    [Fact]
    public async Task Entries_from_before_the_chain_are_counted_and_the_chain_starts_after_them()
    {
        await _store.Write(session => session.Audit.Append(Entry("lead.create", "L-1")));
        _store.Dispose();
        using (var file = new LiteDatabase($"Filename={_folder.DatabasePath};Connection=direct"))
        {
            // As a store written before the chain existed left its entries.
            var audit = file.GetCollection("audit");
            var old = audit.FindAll().Single();
            old["Seq"] = BsonValue.Null;
            old["PreviousHash"] = BsonValue.Null;
            old["Hash"] = BsonValue.Null;
            audit.Update(old);
        }

        _store = _folder.Open();
        await Append(Entry("lead.stage", "L-1"));
        var report = await new VerifyAuditChain(_store).VerifyAsync(default);

        Assert.True(report.Holds);
        Assert.Equal((1L, 1L), (report.Verified, report.Unsealed));
    }

    private Task Append(params AuditEntry[] entries) => _store.Write(session =>
    {
        foreach (var entry in entries)
        {
            session.Audit.Append(entry);
        }
    });

    private static AuditEntry Entry(string action, string? leadNumber) =>
        new(Guid.CreateVersion7(Now), Now, "alice", "webchat", "webchat:alice:c1", action, leadNumber, null, null, null);
}
