namespace ChatCrm.Core.Scheduling;

/// <summary>
/// Whether an admin paused a job, kept in the store so a restart (or another instance) honours it.
/// A job with no state runs on its schedule.
/// </summary>
public sealed record JobState(string JobName, bool Paused, string ChangedBy, DateTimeOffset ChangedAt);
