namespace ChatCrm.Channels.Outbound;

/// <summary>What one attempt to send a delivery came to.</summary>
public abstract record SendOutcome
{
    public static SendOutcome Sent { get; } = new SentOutcome();

    /// <summary>Worth trying again (5xx, 429, timeout, network): after <paramref name="After"/> when the platform said so.</summary>
    public static SendOutcome RetryLater(string reason, TimeSpan? after = null) => new RetryLaterOutcome(reason, after);

    /// <summary>Will never succeed as it is (4xx other than 429, a malformed delivery): dead-letter it.</summary>
    public static SendOutcome Rejected(string reason) => new RejectedOutcome(reason);
}

public sealed record SentOutcome : SendOutcome;

public sealed record RetryLaterOutcome(string Reason, TimeSpan? After) : SendOutcome;

public sealed record RejectedOutcome(string Reason) : SendOutcome;
