namespace ChatCrm.Core.Discipline;

/// <summary>How the next-step prompt waits: a salesperson who says the date in a second message within <see cref="Wait"/> is not asked.</summary>
/// <param name="LookBack">How far back a first run (or one after a long stop) reads follow-ups: older ones are not prompted for.</param>
public sealed record NextStepSettings(TimeSpan Wait, TimeSpan LookBack)
{
    public static NextStepSettings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromDays(1));
}
