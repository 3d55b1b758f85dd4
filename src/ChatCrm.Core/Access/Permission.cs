namespace ChatCrm.Core.Access;

/// <summary>What a position lets a person do; each is granted with an <see cref="AccessScope"/>.</summary>
public enum Permission
{
    /// <summary>See the lead and its history.</summary>
    View,

    /// <summary>Log follow-ups, change stage and amount while the deal is open, return to the pool.</summary>
    Edit,

    /// <summary>Take a lead from the pool, or one offered to them.</summary>
    Claim,

    /// <summary>Hand a lead to someone else, or offer a pool lead to a salesperson.</summary>
    Transfer,

    /// <summary>Move a lead to the recycle bin (with a second person's approval).</summary>
    Delete,

    /// <summary>Take leads out of the CRM as a file.</summary>
    Export,

    /// <summary>Reveal a customer's full phone and email (each reveal is audited).</summary>
    ViewFullPhone,

    /// <summary>Change the amount of a won deal (with a second person's approval).</summary>
    EditSignedAmount,

    /// <summary>See reports, the digest and assignment health for the scope.</summary>
    ViewReports,

    /// <summary>Manage users, positions, teams, sources, jobs and the outbox.</summary>
    Admin,
}

/// <summary>How far a granted <see cref="Permission"/> reaches.</summary>
public enum AccessScope
{
    None,

    /// <summary>Leads the person owns or is being offered.</summary>
    Own,

    /// <summary>Leads of the person's team, and leads no team holds yet.</summary>
    Team,

    /// <summary>Leads of every team in the person's region.</summary>
    Region,

    All,
}
