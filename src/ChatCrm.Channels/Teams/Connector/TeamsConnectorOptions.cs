namespace ChatCrm.Channels.Teams.Connector;

/// <summary>
/// How patiently one send to the Bot Connector is tried before the outbox takes over: a few quick
/// retries of a transient failure within seconds; anything that needs longer waits in the outbox.
/// Defaults suit Teams; tests shorten them. The host binds them to <see cref="SectionName"/>.
/// </summary>
public sealed class TeamsConnectorOptions
{
    /// <summary>The configuration section the host binds these options to.</summary>
    public const string SectionName = "ChatCrm:Teams:Connector";

    /// <summary>How long one HTTP attempt may take before it is abandoned as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries after the first attempt, for 5xx, 408, 429, network errors and timeouts.</summary>
    public int QuickRetries { get; set; } = 2;

    /// <summary>The first quick retry's delay when the connector names none; later ones double it, with jitter.</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> still retried on the spot. A longer one ends the send as
    /// "retry later", and the outbox waits as asked without holding a dispatcher slot.
    /// </summary>
    public TimeSpan LongestQuickRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
