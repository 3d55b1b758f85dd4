using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class AuditLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public AuditLogTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Entry_comes_back_with_both_lead_snapshots_exactly()
    {
        var lead = TestLeads.Create("L-1");
        var before = lead.ToSnapshot();
        lead.Value(88000.10m, "CNY", Now.AddMinutes(3));
        var entry = new AuditEntry(
            Guid.NewGuid(), Now.AddMinutes(3), "alice", "wecom", "wecom:alice", "lead.value", "L-1", before, lead.ToSnapshot(), null);
        await _store.Write(session => session.Audit.Append(entry));

        var loaded = await _store.Read(session => session.Audit.Find(entry.Id));

        Assert.Equal(entry, loaded! with { Seal = null });
        Exactly.Equal(entry.At, loaded!.At);
        Exactly.Equal(entry.Before!, loaded.Before!);
        Exactly.Equal(entry.After!, loaded.After!);
    }

    [Fact]
    public async Task Entry_marked_undone_keeps_the_undoing_entry()
    {
        var entry = EntryBy("alice", "webchat:c1", Now, "L-1");
        await _store.Write(session => session.Audit.Append(entry));
        var undo = Guid.NewGuid();

        await _store.Write(session => session.Audit.MarkUndone(entry.Id, undo));

        Assert.Equal(undo, (await _store.Read(session => session.Audit.Find(entry.Id)))?.UndoneBy);
    }

    [Fact]
    public async Task Recent_entries_are_the_persons_in_the_conversation_since_the_moment_newest_first()
    {
        var tooOld = EntryBy("alice", "webchat:c1", Now.AddMinutes(-11), "L-1");
        var atSince = EntryBy("alice", "webchat:c1", Now.AddMinutes(-10), "L-1");
        var latest = EntryBy("alice", "webchat:c1", Now.AddMinutes(-1), "L-2");
        var otherConversation = EntryBy("alice", "webchat:c2", Now.AddMinutes(-2), "L-1");
        var otherPerson = EntryBy("alice2", "webchat:c1", Now.AddMinutes(-2), "L-1");
        await AppendAll(tooOld, latest, otherConversation, atSince, otherPerson);

        var recent = await _store.Read(session => session.Audit.RecentBy("alice", "webchat:c1", Now.AddMinutes(-10), 10));

        Assert.Equal([latest.Id, atSince.Id], recent.Select(entry => entry.Id));
    }

    [Fact]
    public async Task Recent_entries_without_a_conversation_are_from_any_conversation_up_to_the_limit()
    {
        var first = EntryBy("alice", "webchat:c1", Now.AddMinutes(-3), "L-1");
        var second = EntryBy("alice", "webchat:c2", Now.AddMinutes(-2), "L-1");
        var third = EntryBy("alice", null, Now.AddMinutes(-1), "L-1");
        await AppendAll(first, second, third);

        var recent = await _store.Read(session => session.Audit.RecentBy("alice", null, Now.AddHours(-1), 2));

        Assert.Equal([third.Id, second.Id], recent.Select(entry => entry.Id));
    }

    [Fact]
    public async Task A_leads_history_is_newest_first_up_to_the_limit()
    {
        var created = EntryBy("alice", null, Now.AddDays(-2), "L-1");
        var valued = EntryBy("bob", null, Now.AddDays(-1), "L-1");
        var won = EntryBy("alice", null, Now, "L-1");
        await AppendAll(valued, EntryBy("alice", null, Now, "L-10"), won, created, EntryBy("alice", null, Now, null));

        var history = await _store.Read(session => session.Audit.ForLead("L-1", 10));

        Assert.Equal([won.Id, valued.Id, created.Id], history.Select(entry => entry.Id));
    }

    private Task AppendAll(params AuditEntry[] entries) => _store.Write(session =>
    {
        foreach (var entry in entries)
        {
            session.Audit.Append(entry);
        }
    });

    private static AuditEntry EntryBy(string actorKey, string? conversationKey, DateTimeOffset at, string? leadNumber) =>
        new(Guid.NewGuid(), at, actorKey, "webchat", conversationKey, "lead.stage", leadNumber, null, null, null);
}
