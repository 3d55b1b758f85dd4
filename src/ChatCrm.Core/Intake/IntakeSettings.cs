namespace ChatCrm.Core.Intake;

/// <summary>How intake dedupes and when a gap between requests received and stored alerts the admins.</summary>
/// <param name="DedupeWindow">A request matching a lead changed within this long is a touch on it, not a new lead.</param>
/// <param name="GapPercent">An hour whose requests without a stored outcome exceed this share of those received alerts.</param>
public sealed record IntakeSettings(TimeSpan DedupeWindow, double GapPercent)
{
    public static IntakeSettings Default { get; } = new(TimeSpan.FromDays(90), 10);
}
