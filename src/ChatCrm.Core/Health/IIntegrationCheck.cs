namespace ChatCrm.Core.Health;

/// <summary>
/// One integration the health job checks (the Teams connector's token, WeCom's access token, the
/// language model, intake): a quick probe of whether it works now. Implementations that talk HTTP
/// live in the host; an exception they throw counts as a failed check.
/// </summary>
public interface IIntegrationCheck
{
    /// <summary>The integration's name as admins read it, e.g. "teams".</summary>
    string Name { get; }

    Task<CheckResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What a check found; <see cref="Error"/> says what failed, in words an admin can act on, with no secret in it.</summary>
/// <param name="Configured">False when the integration is switched off here: nothing is checked or recorded.</param>
public sealed record CheckResult(bool Healthy, string? Error, bool Configured = true)
{
    public static CheckResult Ok { get; } = new(true, null);

    public static CheckResult NotConfigured { get; } = new(true, null, Configured: false);

    public static CheckResult Failed(string error) => new(false, error);
}
