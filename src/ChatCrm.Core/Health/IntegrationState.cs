namespace ChatCrm.Core.Health;

/// <summary>
/// An integration's state as the health job last found it. A failing stretch is one incident:
/// <see cref="Since"/> is when it began, <see cref="Alerted"/> whether admins were told of it.
/// </summary>
/// <param name="Since">When the integration became healthy, or began failing.</param>
/// <param name="CheckedAt">The last check.</param>
/// <param name="LastError">The last failure's reason (kept after recovery, for the record).</param>
public sealed record IntegrationState(string Integration, bool Healthy, DateTimeOffset Since, DateTimeOffset CheckedAt, string? LastError, bool Alerted);
