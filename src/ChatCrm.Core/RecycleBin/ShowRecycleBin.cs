using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>What the recycle bin holds: the newest deleted leads and how many in all.</summary>
public sealed record BinContents(IReadOnlyList<BinnedLead> Newest, int Total);

/// <summary><c>/admin bin</c>: admins see the recycle bin, most recently deleted first.</summary>
public sealed class ShowRecycleBin(ICrmStore store)
{
    public const int Shown = 20;

    public Task<Result<BinContents>> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<BinContents>>(session => Admins.Are(session, actor.User)
            ? Result<BinContents>.Success(new BinContents(session.RecycleBin.Newest(Shown), session.RecycleBin.Count()))
            : new NotPermitted("bin.list", null), cancellationToken);
}
