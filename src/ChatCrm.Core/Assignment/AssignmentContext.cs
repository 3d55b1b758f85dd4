namespace ChatCrm.Core.Assignment;

/// <summary>What one engine step works with: the moment, the clock it times itself on, the bounds.</summary>
internal sealed record AssignmentContext(DateTimeOffset Now, TimeProvider Clock, CrmSettings Settings, AssignmentPolicy Policy)
{
    public static AssignmentContext At(TimeProvider clock, CrmSettings settings, AssignmentPolicy policy) => new(clock.GetUtcNow(), clock, settings, policy);
}
