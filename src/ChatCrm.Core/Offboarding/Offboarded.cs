namespace ChatCrm.Core.Offboarding;

/// <summary>What offboarding a person did, all in one transaction.</summary>
/// <param name="Destination">Where their open leads went (the pool when the manager could not take them).</param>
/// <param name="ManagerKey">The manager who got the leads, or was told they went to the pool; null when none.</param>
/// <param name="AlreadyDeactivated">True when they were offboarded before (an HR retry): nothing was changed.</param>
/// <param name="TeamsManaged">Teams that still name them as manager: an admin gives each a new one.</param>
public sealed record Offboarded(
    string UserKey,
    string DisplayName,
    LeadDestination Destination,
    string? ManagerKey,
    int LeadsToManager,
    int LeadsToPool,
    int OffersWithdrawn,
    int RemindersCancelled,
    int KeysRevoked,
    int SourcesSwitchedOff,
    DateTimeOffset DeactivatedAt,
    bool AlreadyDeactivated = false,
    IReadOnlyList<string>? TeamsManaged = null);

/// <summary>A person let back in: access again, none of their old leads, keys or sources.</summary>
public sealed record Reactivated(string UserKey, string DisplayName);

/// <summary>Admins cannot lock themselves out; another admin does it.</summary>
public sealed record CannotOffboardSelf(string UserKey) : CrmError
{
    public override string Code => "cannot_offboard_self";
}

/// <summary>The last active admin stays, or nobody could run the install.</summary>
public sealed record LastAdmin(string UserKey) : CrmError
{
    public override string Code => "last_admin";
}
