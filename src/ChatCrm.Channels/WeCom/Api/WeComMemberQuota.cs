using System.Threading.RateLimiting;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// WeCom's limit of app messages to one member (30 a minute), kept in memory per member: a sliding
/// minute, so a burst at the end of one minute and the start of the next cannot double it. WeCom
/// drops what goes past its limit without an error, so a message over it is not sent but waits.
/// Each app instance keeps its own count.
/// </summary>
internal sealed class WeComMemberQuota(int messagesPerMinute) : IDisposable
{
    /// <summary>The window the limit counts in; also the wait that surely frees a permit.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(member =>
        RateLimitPartition.GetSlidingWindowLimiter(member, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = messagesPerMinute,
            Window = Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one message from the member's minute; false, with how long to wait, when it is used up.</summary>
    public bool TryTake(string userId, out TimeSpan wait)
    {
        // WeCom userids compare without case, so "ZhangSan" and "zhangsan" share one limit.
        using var lease = _limiter.AttemptAcquire(userId.ToLowerInvariant());
        if (lease.IsAcquired)
        {
            wait = TimeSpan.Zero;
            return true;
        }

        // The sliding limiter names no wait; after a whole window every counted message has slid out.
        wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : Window;
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
