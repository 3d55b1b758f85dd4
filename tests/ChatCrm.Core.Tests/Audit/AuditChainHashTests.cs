using ChatCrm.Core.Audit;

namespace ChatCrm.Core.Tests.Audit;

/// <summary>What an entry's hash covers, and what it must not depend on.</summary>
public sealed class AuditChainHashTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly AuditEntry Entry = new(Guid.Parse("0193a000-0000-7000-8000-000000000001"), At, "alice", "webchat", "webchat:alice:c1", "lead.stage", "L-1", null, null, null);

    [Fact]
    public void Every_recorded_field_and_the_link_to_the_previous_entry_change_the_hash()
    {
        var hash = AuditChain.Hash(Entry, 7, AuditChain.Genesis);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, AuditChain.Hash(Entry with { Action = "lead.delete" }, 7, AuditChain.Genesis));
        Assert.NotEqual(hash, AuditChain.Hash(Entry with { At = At.AddSeconds(1) }, 7, AuditChain.Genesis));
        Assert.NotEqual(hash, AuditChain.Hash(Entry with { At = At.ToOffset(TimeSpan.Zero) }, 7, AuditChain.Genesis));
        Assert.NotEqual(hash, AuditChain.Hash(Entry with { Ip = "10.0.0.1" }, 7, AuditChain.Genesis));
        Assert.NotEqual(hash, AuditChain.Hash(Entry, 8, AuditChain.Genesis));
        Assert.NotEqual(hash, AuditChain.Hash(Entry, 7, new string('1', 64)));
    }

    [Fact]
    public void The_undone_note_and_the_seal_itself_are_outside_the_hash()
    {
        var hash = AuditChain.Hash(Entry, 7, AuditChain.Genesis);

        Assert.Equal(hash, AuditChain.Hash(Entry with { UndoneBy = Guid.NewGuid() }, 7, AuditChain.Genesis));
        Assert.Equal(hash, AuditChain.Hash(Entry with { Seal = new AuditSeal(7, AuditChain.Genesis, hash) }, 7, AuditChain.Genesis));
    }
}
