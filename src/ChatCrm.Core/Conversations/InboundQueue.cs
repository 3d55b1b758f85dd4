using ChatCrm.Core.Store;

namespace ChatCrm.Core.Conversations;

/// <summary>
/// The store's side of handling platform messages after answering them: accept once per key, hand
/// out what is due (claimed for a while, so it is handled once), and record how handling went,
/// retrying with backoff and giving up after <see cref="MaxAttempts"/> with the reason kept.
/// </summary>
public sealed class InboundQueue(ICrmStore store, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    /// <summary>Longer than handling one message takes, so no other pass takes it meanwhile.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Accepts the work; false when the same key was accepted before (a platform's retry).</summary>
    public Task<bool> AcceptAsync(string key, string channel, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = clock.GetUtcNow();
        var work = new InboundWork(key, channel, payload, now, InboundState.Pending, 0, now, null);
        return store.WriteAsync(session => session.Inbox.TryAdd(work), cancellationToken);
    }

    /// <summary>Claims up to <paramref name="limit"/> due items, oldest first.</summary>
    public async Task<IReadOnlyList<InboundWork>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Look before taking the writer (and a durable commit) when nothing waits, which is most of the time.
        if ((await store.ReadAsync(session => session.Inbox.Due(now, 1), cancellationToken)).Count == 0)
        {
            return [];
        }

        return await store.WriteAsync<IReadOnlyList<InboundWork>>(session =>
        {
            var due = session.Inbox.Due(now, limit);
            foreach (var work in due)
            {
                session.Inbox.Update(work with { NextAttemptAt = now + ClaimFor });
            }

            return due;
        }, cancellationToken);
    }

    /// <summary>Handled: the payload is dropped, the key kept for dedupe.</summary>
    public Task CompleteAsync(string key, CancellationToken cancellationToken) =>
        RecordAsync(key, work => work with { State = InboundState.Done, Payload = null, Attempts = work.Attempts + 1, LastError = null }, cancellationToken);

    /// <summary>
    /// Handling failed: tried again later, or given up after <see cref="MaxAttempts"/> (the
    /// payload kept for a look). True when it was given up, so someone can be told.
    /// </summary>
    public async Task<bool> FailAsync(string key, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recorded = await RecordAsync(key, work =>
        {
            var attempts = work.Attempts + 1;
            return attempts >= MaxAttempts
                ? work with { State = InboundState.Failed, Attempts = attempts, LastError = reason }
                : work with { Attempts = attempts, LastError = reason, NextAttemptAt = now + FirstRetryDelay * Math.Pow(2, attempts - 1) };
        }, cancellationToken);
        return recorded?.State == InboundState.Failed;
    }

    private Task<InboundWork?> RecordAsync(string key, Func<InboundWork, InboundWork> change, CancellationToken cancellationToken) =>
        store.WriteAsync(session =>
        {
            if (session.Inbox.Find(key) is not { State: InboundState.Pending } work)
            {
                return null;
            }

            var changed = change(work);
            session.Inbox.Update(changed);
            return changed;
        }, cancellationToken);
}
