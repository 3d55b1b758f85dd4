namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// How patiently one WeCom API call is tried before the outbox takes over, and how many app
/// messages one member is sent a minute. Defaults suit WeCom; tests shorten the waits. The host
/// binds them to <see cref="SectionName"/>.
/// </summary>
public sealed class WeComApiOptions
{
    /// <summary>The configuration section the host binds these options to.</summary>
    public const string SectionName = "ChatCrm:WeCom:Api";

    /// <summary>How long one HTTP attempt may take before it is abandoned as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Quick retries after the first attempt, for 5xx, 408, 429, network errors, timeouts, and the
    /// errcodes WeCom answers with HTTP 200 when it is busy (-1) or throttling (45009).
    /// </summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>The first quick retry's delay; later ones double it, with jitter.</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// App messages one member is sent per minute at most. WeCom drops, without an error, what goes
    /// past 30 a minute to one member from one app, so a message over the limit waits in the outbox.
    /// </summary>
    public int MessagesPerMemberPerMinute { get; set; } = 30;
}
