namespace ChatCrm.Core.Notifications;

/// <summary>
/// What one attempt to send an outbox delivery came to, as the core records it. Mirrors the
/// channels' send outcome, which the core cannot see: the host maps one to the other.
/// </summary>
public abstract record DeliveryResult
{
    /// <summary>The platform took the message.</summary>
    public static DeliveryResult Sent { get; } = new DeliverySent();

    /// <summary>Worth trying again (5xx, 429, timeout, network): after <paramref name="after"/> when the platform said so.</summary>
    public static DeliveryResult RetryLater(string reason, TimeSpan? after = null) => new DeliveryRetryLater(reason, after);

    /// <summary>Will never succeed as it is (4xx other than 429, a malformed delivery): dead-letter it.</summary>
    public static DeliveryResult Rejected(string reason) => new DeliveryRejected(reason);
}

/// <summary>See <see cref="DeliveryResult.Sent"/>.</summary>
public sealed record DeliverySent : DeliveryResult;

/// <summary>See <see cref="DeliveryResult.RetryLater"/>.</summary>
public sealed record DeliveryRetryLater(string Reason, TimeSpan? After) : DeliveryResult;

/// <summary>See <see cref="DeliveryResult.Rejected"/>.</summary>
public sealed record DeliveryRejected(string Reason) : DeliveryResult;
