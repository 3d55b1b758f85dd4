namespace ChatCrm.Core.Access;

/// <summary>A position as an admin sees it: its grants, whether it still is the shipped default, who holds it.</summary>
public sealed record PositionView(Position Position, bool ChangedFromDefault, bool BuiltIn, IReadOnlyList<string> Holders);

/// <summary>A user as an admin sees them: where they sit and what they may do in effect.</summary>
/// <param name="Effective">Every permission they hold, at its scope, after their own grants.</param>
public sealed record UserView(User User, Position Position, string? TeamName, string? Region, IReadOnlyDictionary<Permission, AccessScope> Effective);

/// <summary>A team as an admin sees it.</summary>
public sealed record TeamView(Team Team, string ManagerName, int Members);

/// <summary>What an admin change did: to what, and the thing in words before and after.</summary>
/// <param name="Approval">Set when the change touched the admin's own permissions and waits for a second person.</param>
public sealed record AccessChanged(string Subject, string? Before, string After, Approvals.ApprovalOpened? Approval = null);
