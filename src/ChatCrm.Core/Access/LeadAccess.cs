using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>
/// What one person may do with which lead: their position's grants (or their own, where an admin
/// set one), each reaching their own leads, their team's, their region's or all. A deactivated
/// person may do nothing. A lead nobody routed to a team yet is within reach of team scope.
/// </summary>
public sealed class AccessRights
{
    private readonly IPeopleDirectory _people;

    internal AccessRights(IPeopleDirectory people, User user, Position position)
    {
        _people = people;
        User = user;
        Position = position;
        Region = user.RegionKey ?? (user.TeamKey is { } team ? people.FindTeam(team)?.RegionKey : null);
    }

    public User User { get; }

    public Position Position { get; }

    /// <summary>The region the person belongs to: their own, else their team's.</summary>
    public string? Region { get; }

    public AccessScope ScopeOf(Permission permission)
    {
        if (!User.IsActive)
        {
            return AccessScope.None;
        }

        return User.Grants is { } own && own.TryGetValue(permission, out var scope) ? scope : Position.ScopeOf(permission);
    }

    public bool Has(Permission permission) => ScopeOf(permission) != AccessScope.None;

    /// <summary>The permission, granted at a scope that reaches the lead.</summary>
    public bool Covers(Permission permission, Lead lead) => Reaches(ScopeOf(permission), lead.OwnerKey, lead.AssigneeKey, lead.TeamKey);

    /// <summary>See it at all: in view scope, or claimable by them. Outside this a lead does not exist for them.</summary>
    public bool CanSee(Lead lead) => Covers(Permission.View, lead) || (lead.OwnerKey is null && Covers(Permission.Claim, lead));

    /// <summary>Log follow-ups, change its stage or open amount, return it to the pool.</summary>
    public bool CanWork(Lead lead) => Covers(Permission.Edit, lead);

    public bool CanClaim(Lead lead) => Covers(Permission.Claim, lead);

    public bool CanTransfer(Lead lead) => Covers(Permission.Transfer, lead);

    /// <summary>Offer a pool lead to a salesperson: transfer beyond one's own leads.</summary>
    public bool CanAssign(Lead lead) => ScopeOf(Permission.Transfer) >= AccessScope.Team && Covers(Permission.Transfer, lead);

    /// <summary>A won deal's amount is signed: changing it needs its own permission.</summary>
    public bool CanChangeAmount(Lead lead) =>
        lead.Stage == LeadStage.Won ? Covers(Permission.EditSignedAmount, lead) : Covers(Permission.Edit, lead);

    public bool CanDelete(Lead lead) => Covers(Permission.Delete, lead);

    public bool CanRevealContact(Lead lead) => CanSee(lead) && Covers(Permission.ViewFullPhone, lead);

    /// <summary>Runs the install: users, positions, teams, sources, jobs, the outbox.</summary>
    public bool IsAdmin => ScopeOf(Permission.Admin) == AccessScope.All;

    /// <summary>Whether their reports reach a team's figures.</summary>
    public bool SeesReportsOf(string? teamKey) => Reaches(ScopeOf(Permission.ViewReports), null, null, teamKey) && ScopeOf(Permission.ViewReports) >= AccessScope.Team;

    /// <summary>
    /// The leads a permission reaches, as a store query; null when it reaches none. Own scope is
    /// the leads they own (lists of offers are asked for separately).
    /// </summary>
    public LeadQuery? Query(Permission permission, int limit) => ScopeOf(permission) switch
    {
        AccessScope.All => new LeadQuery { Limit = limit },
        AccessScope.Region when Region is not null => new LeadQuery { TeamKeys = TeamsOfRegion(), Limit = limit },
        AccessScope.Region or AccessScope.Team when User.TeamKey is not null => new LeadQuery { TeamKey = User.TeamKey, Limit = limit },
        AccessScope.None => null,
        _ => new LeadQuery { OwnerKey = User.Key, Limit = limit },
    };

    private bool Reaches(AccessScope scope, string? ownerKey, string? assigneeKey, string? teamKey) => scope switch
    {
        AccessScope.All => true,
        AccessScope.None => false,
        _ when ownerKey == User.Key || assigneeKey == User.Key => true,
        AccessScope.Own => false,
        _ when teamKey is null || teamKey == User.TeamKey => true,
        AccessScope.Region => Region is not null && _people.FindTeam(teamKey)?.RegionKey == Region,
        _ => false,
    };

    private List<string> TeamsOfRegion() =>
        [.. _people.AllTeams().Where(team => team.RegionKey == Region).Select(team => team.Key)];
}

/// <summary>Finds a person's <see cref="AccessRights"/> in the unit of work they act in.</summary>
public static class LeadAccess
{
    public static AccessRights Of(ICrmSession session, User user) => Of(session.People, user);

    public static AccessRights Of(IPeopleDirectory people, User user) =>
        new(people, user, people.FindPosition(user.Position) ?? DefaultPositions.Find(user.Position) ?? NoPosition(user.Position));

    // A position deleted while someone held it grants nothing, rather than failing every turn.
    private static Position NoPosition(string key) => new(key, key, new Dictionary<Permission, AccessScope>());
}
