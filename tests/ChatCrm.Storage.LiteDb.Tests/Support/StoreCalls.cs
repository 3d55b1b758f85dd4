using ChatCrm.Core.Store;

namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>Shorter store calls for tests that have no result to return or token to pass.</summary>
public static class StoreCalls
{
    public static Task Write(this ICrmStore store, Action<ICrmSession> work) =>
        store.WriteAsync(session =>
        {
            work(session);
            return true;
        }, CancellationToken.None);

    public static Task<T> Read<T>(this ICrmStore store, Func<ICrmSession, T> query) => store.ReadAsync(query, CancellationToken.None);
}
