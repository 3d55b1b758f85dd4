namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// One value WeCom hands out with a lifetime (the access token, a JS-SDK ticket), kept until 5
/// minutes before it expires on <see cref="TimeProvider"/> and fetched again by one caller at a
/// time; the others wait and take what it fetched.
/// </summary>
internal sealed class ExpiringValueCache(TimeProvider time)
{
    /// <summary>How long before expiry a value is replaced.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private Entry? _entry;

    /// <summary>The cached value while fresh, else what <paramref name="fetch"/> returns (value and lifetime).</summary>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Value, TimeSpan Lifetime)>> fetch, CancellationToken cancellationToken)
    {
        if (FreshValue(Volatile.Read(ref _entry)) is { } cached)
        {
            return cached;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued behind the one that fetched take its value instead of asking again.
            if (FreshValue(_entry) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (value, lifetime) = await fetch(cancellationToken).ConfigureAwait(false);
            // A value shorter-lived than twice the margin would never be served from the cache; refresh it at half-life instead.
            var margin = lifetime < 2 * RefreshBeforeExpiry ? lifetime / 2 : RefreshBeforeExpiry;
            Volatile.Write(ref _entry, new Entry(value, time.GetUtcNow() + lifetime - margin));
            return value;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Drops the cached value; with <paramref name="refused"/>, only while that is still the one cached.</summary>
    public void Forget(string? refused = null)
    {
        var current = Volatile.Read(ref _entry);
        if (current is not null && (refused is null || current.Value == refused))
        {
            // A value fetched meanwhile by another caller stays.
            Interlocked.CompareExchange(ref _entry, null, current);
        }
    }

    private string? FreshValue(Entry? entry) => entry is not null && time.GetUtcNow() < entry.RefreshAt ? entry.Value : null;

    private sealed record Entry(string Value, DateTimeOffset RefreshAt);
}
