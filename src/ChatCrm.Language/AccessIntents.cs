namespace ChatCrm.Language;

/// <summary>An admin lists the positions and what each grants (/admin position list).</summary>
public sealed record ListPositionsIntent : Intent
{
    public override string Name => "list_positions";
}

/// <summary>An admin looks at one position (/admin position show &lt;key&gt;).</summary>
public sealed record ShowPositionIntent(string? Position) : Intent
{
    public override string Name => "show_position";
}

/// <summary>An admin creates a position, optionally starting from another's grants (/admin position add &lt;key&gt; &lt;name&gt; [like &lt;key&gt;]).</summary>
public sealed record AddPositionIntent(string? Position, string? PositionName, string? Like) : Intent
{
    public override string Name => "add_position";
}

/// <summary>An admin sets how far a position's permission reaches (/admin position grant &lt;key&gt; &lt;permission&gt; &lt;scope&gt;; revoke = none).</summary>
public sealed record GrantPositionIntent(string? Position, string? Permission, string? Scope, string? Reason = null) : Intent
{
    public override string Name => "grant_position";
}

/// <summary>An admin lists the users with position, team and region (/admin user list).</summary>
public sealed record ListUsersIntent : Intent
{
    public override string Name => "list_users";
}

/// <summary>An admin looks at one user and what they may do in effect (/admin user show &lt;user&gt;).</summary>
public sealed record ShowUserIntent(string? UserMention) : Intent
{
    public override string Name => "show_user";
}

/// <summary>An admin adds a colleague (/admin user add &lt;login&gt; &lt;name&gt; [team=…] [position=…]).</summary>
public sealed record AddUserIntent(string? Login, string? DisplayName, string? Team, string? Position) : Intent
{
    public override string Name => "add_user";
}

/// <summary>An admin moves a user to another position, team or region (/admin user position|team|region &lt;user&gt; &lt;value&gt;).</summary>
/// <param name="Field">"position", "team" or "region".</param>
public sealed record ChangeUserIntent(string? UserMention, string Field, string? Value, string? Reason = null) : Intent
{
    public override string Name => "change_user";
}

/// <summary>An admin gives one user their own scope for a permission, or "default" (/admin user grant &lt;user&gt; &lt;permission&gt; &lt;scope&gt;).</summary>
public sealed record GrantUserIntent(string? UserMention, string? Permission, string? Scope, string? Reason = null) : Intent
{
    public override string Name => "grant_user";
}

/// <summary>An admin lists the teams (/admin team list).</summary>
public sealed record ListTeamsIntent : Intent
{
    public override string Name => "list_teams";
}

/// <summary>An admin adds a team (/admin team add &lt;key&gt; &lt;manager&gt; [region=…] [name …]).</summary>
public sealed record AddTeamIntent(string? Team, string? Manager, string? Region, string? TeamName) : Intent
{
    public override string Name => "add_team";
}

/// <summary>An admin changes a team's region or manager (/admin team region|manager &lt;team&gt; &lt;value&gt;).</summary>
/// <param name="Field">"region" or "manager".</param>
public sealed record ChangeTeamIntent(string? Team, string Field, string? Value) : Intent
{
    public override string Name => "change_team";
}

/// <summary>Show a lead's full phone and email, which replies mask; audited (/phone [lead], the card's "Show phone" button).</summary>
public sealed record RevealContactIntent(string? LeadMention) : Intent
{
    public override string Name => "reveal_contact";
}

/// <summary>A lead's audit history in the chat (/history [lead]); its "More" button asks for the next page.</summary>
/// <param name="Page">0 for the newest entries, 1 for the ones before them, and so on.</param>
public sealed record LeadHistoryIntent(string? LeadMention, int Page = 0) : Intent
{
    public override string Name => "lead_history";
}

/// <summary>An admin checks that the audit trail's hash chain holds (/admin audit verify).</summary>
public sealed record VerifyAuditIntent : Intent
{
    public override string Name => "verify_audit";
}
