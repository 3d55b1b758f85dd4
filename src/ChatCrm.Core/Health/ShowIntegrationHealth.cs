using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Health;

/// <summary>Each integration's state as the health job last found it, for an admin (/admin health).</summary>
public sealed class ShowIntegrationHealth(ICrmStore store)
{
    public async Task<Result<IReadOnlyList<IntegrationState>>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("integration.health", null);
        }

        return Result<IReadOnlyList<IntegrationState>>.Success(await store.ReadAsync(session => session.IntegrationHealth.All(), cancellationToken));
    }
}
