namespace ChatCrm.Core.Store;

/// <summary>
/// The CRM's data, as the core sees it. Writes are units of work run one at a time against a
/// consistent store and committed atomically (possibly together with other callers' units, as a
/// group commit); a unit either commits whole or not at all. Reads see committed data.
/// </summary>
public interface ICrmStore
{
    /// <summary>
    /// Runs <paramref name="work"/> inside one transaction and completes after it is durably committed.
    /// The work must be synchronous, quick and free of side effects outside the session: it may be
    /// run again after a failure of another unit committed with it. An exception rolls it back and
    /// is rethrown to the caller.
    /// </summary>
    Task<T> WriteAsync<T>(Func<ICrmSession, T> work, CancellationToken cancellationToken);

    /// <summary>Runs a read-only query; calling a write method of the session throws.</summary>
    Task<T> ReadAsync<T>(Func<ICrmSession, T> query, CancellationToken cancellationToken);
}
