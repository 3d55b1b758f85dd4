using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Audit;

/// <summary>Where the audit chain first fails to hold, and why.</summary>
/// <param name="Reason">"gap" (an entry is missing), "link" (an entry does not follow the hash before it), "hash" (an entry was changed).</param>
public sealed record AuditBreak(long Sequence, string Reason, Guid? EntryId);

/// <summary>What verifying the audit chain found.</summary>
/// <param name="Verified">Entries whose seal holds, from the first.</param>
/// <param name="HeadHash">The last entry's hash: written down elsewhere, it also shows a chain cut short at its end.</param>
/// <param name="Unsealed">Entries written before the chain began, which it cannot vouch for.</param>
public sealed record AuditChainReport(long Verified, long LastSequence, string? HeadHash, long Unsealed, AuditBreak? Break)
{
    public bool Holds => Break is null;
}

/// <summary>
/// Walks the audit chain from its first entry, in batches so a long trail never sits in memory,
/// recomputing every hash: a changed entry, a removed one, or one put in between shows at the
/// first place it breaks. Admins only, from the chat (/admin audit verify) or the command line.
/// </summary>
public sealed class VerifyAuditChain(ICrmStore store)
{
    private const int Batch = 2000;

    public async Task<Result<AuditChainReport>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("audit.verify", null);
        }

        return Result<AuditChainReport>.Success(await VerifyAsync(cancellationToken));
    }

    /// <summary>The walk itself, for the command line (which holds the store's lock, not an admin's chat).</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var unsealed = await store.ReadAsync(session => session.Audit.CountUnsealed(), cancellationToken);
        long last = 0;
        var previous = AuditChain.Genesis;
        while (true)
        {
            var from = last;
            var entries = await store.ReadAsync(session => session.Audit.InSequence(from, Batch), cancellationToken);
            foreach (var entry in entries)
            {
                var seal = entry.Seal!;
                var breakage = seal.Sequence != last + 1 ? "gap"
                    : seal.PreviousHash != previous ? "link"
                    : AuditChain.Hash(entry with { Seal = null, UndoneBy = null }, seal.Sequence, seal.PreviousHash) != seal.Hash ? "hash"
                    : null;
                if (breakage is not null)
                {
                    var at = breakage == "gap" ? last + 1 : seal.Sequence;
                    return new AuditChainReport(last, last, previous == AuditChain.Genesis ? null : previous, unsealed, new AuditBreak(at, breakage, breakage == "gap" ? null : entry.Id));
                }

                last = seal.Sequence;
                previous = seal.Hash;
            }

            if (entries.Count < Batch)
            {
                return new AuditChainReport(last, last, last == 0 ? null : previous, unsealed, null);
            }
        }
    }
}
