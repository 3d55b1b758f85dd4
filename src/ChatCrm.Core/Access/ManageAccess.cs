using System.Text.RegularExpressions;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>
/// What admins do to the organisation from the chat (<c>/admin position …</c>, <c>/admin user …</c>,
/// <c>/admin team …</c>): positions and their grants, users with their position, team, region and
/// own grants, teams with their manager and region. Admins only; every change is audited with the
/// thing before and after. A change to one's own permissions (one's grants, position, team or region,
/// or the position one holds) opens an approval request instead, given a reason (<c>reason=…</c>).
/// </summary>
public sealed partial class ManageAccess(ICrmStore store, TimeProvider clock)
{
    private static readonly OwnPermissionsOperation SelfChange = new();

    private const int MaxNameLength = 60;

    public Task<Result<IReadOnlyList<PositionView>>> ListPositionsAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<IReadOnlyList<PositionView>>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("position.list", null);
            }

            return Result<IReadOnlyList<PositionView>>.Success([.. Positions(session).Select(position => View(session, position))]);
        }, cancellationToken);

    public Task<Result<PositionView>> ShowPositionAsync(Actor actor, string? key, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<PositionView>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("position.show", null);
            }

            return FindPosition(session, key) is { } position ? Result<PositionView>.Success(View(session, position)) : PositionMissing(key);
        }, cancellationToken);

    /// <param name="like">An existing position whose grants the new one starts with; none: it grants nothing yet.</param>
    public Task<Result<AccessChanged>> AddPositionAsync(Actor actor, string? key, string? name, string? like, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.AddPosition, cancellationToken, session =>
        {
            if (ValidKey(key, "position") is { } invalid)
            {
                return invalid;
            }

            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            {
                return string.IsNullOrWhiteSpace(name) ? new MissingValue("name") : new InvalidValue("name", name);
            }

            var positionKey = key!.Trim().ToLowerInvariant();
            if (FindPosition(session, positionKey) is not null)
            {
                return new AlreadyExists("position", positionKey);
            }

            Position? template = null;
            if (like is not null && (template = FindPosition(session, like)) is null)
            {
                return PositionMissing(like);
            }

            var position = new Position(positionKey, name.Trim(), template?.Grants ?? new Dictionary<Permission, AccessScope>());
            session.People.Save(position);
            return Result<AccessChanged>.Success(new AccessChanged("position:" + positionKey, null, position.Describe()));
        });

    public Task<Result<AccessChanged>> GrantPositionAsync(Actor actor, string? key, string? permissionWord, string? scopeWord, string? reason, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.GrantPosition, cancellationToken, session => GrantPosition(session, actor, key, permissionWord, scopeWord, approved: false), reason,
            OwnPermissionsOperation.Parameters(AuditActions.GrantPosition, key, permissionWord, scopeWord));

    internal static Result<AccessChanged> GrantPosition(ICrmSession session, Actor actor, string? key, string? permissionWord, string? scopeWord, bool approved)
    {
        if (FindPosition(session, key) is not { } position)
        {
            return PositionMissing(key);
        }

        if (Grant(permissionWord, scopeWord) is not { } grant)
        {
            return GrantError(permissionWord, scopeWord);
        }

        if (!approved && actor.User.Position == position.Key)
        {
            return new OwnPermissions(AuditActions.GrantPosition);
        }

        if (position.ScopeOf(grant.Permission) == grant.Scope)
        {
            return new NoChange("position:" + position.Key);
        }

        var changed = position.With(grant.Permission, grant.Scope);
        session.People.Save(changed);
        return Result<AccessChanged>.Success(new AccessChanged("position:" + position.Key, position.Describe(), changed.Describe()));
    }

    /// <summary>Stored positions, and the shipped defaults nobody changed yet, by key.</summary>
    public static IReadOnlyList<Position> Positions(ICrmSession session)
    {
        var stored = session.People.AllPositions();
        return [.. stored.Concat(DefaultPositions.All.Where(position => stored.All(saved => saved.Key != position.Key))).OrderBy(position => position.Key, StringComparer.Ordinal)];
    }

    /// <summary>The position a manager or admin gets by default decides what kind of work they do.</summary>
    private static Role RoleOf(string positionKey) => positionKey switch
    {
        DefaultPositions.Admin => Role.Admin,
        DefaultPositions.SalesManager or DefaultPositions.RegionalManager => Role.Manager,
        _ => Role.Salesperson,
    };

    /// <param name="reason">Why, when the change touches the admin's own permissions: then it opens an approval request instead.</param>
    /// <param name="ownChange">The change as an approval request would carry it.</param>
    private Task<Result<AccessChanged>> Change(
        Actor actor, string action, CancellationToken cancellationToken, Func<ICrmSession, Result<AccessChanged>> change,
        string? reason = null, IReadOnlyDictionary<string, string>? ownChange = null)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<AccessChanged>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted(action, null);
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var result = change(session);
            if (result.Error is OwnPermissions && ownChange is not null)
            {
                // A second person decides: the change runs only when another admin or the manager approves.
                if (string.IsNullOrWhiteSpace(reason))
                {
                    return result;
                }

                var opened = ApprovalDesk.Open(session, actor, SelfChange, ownChange, reason, now);
                return opened.Value is { } request
                    ? Result<AccessChanged>.Success(new AccessChanged("user:" + actor.Key, null, action, request))
                    : opened.Error!;
            }

            if (result.Value is { } changed)
            {
                session.Audit.Append(AuditTrail.Change(actor, action, now, changed.Subject, changed.Before, changed.After));
            }

            return result;
        }, cancellationToken);
    }

    private static PositionView View(ICrmSession session, Position position)
    {
        var shipped = DefaultPositions.Find(position.Key);
        return new PositionView(
            position,
            ChangedFromDefault: shipped is not null && shipped.Describe() != position.Describe(),
            BuiltIn: shipped is not null,
            [.. session.People.AllUsers().Where(user => user.IsActive && user.Position == position.Key).Select(user => user.Key)]);
    }

    private static UserView View(ICrmSession session, User user)
    {
        var rights = LeadAccess.Of(session, user);
        var effective = Enum.GetValues<Permission>()
            .Select(permission => (permission, scope: rights.ScopeOf(permission)))
            .Where(grant => grant.scope != AccessScope.None)
            .ToDictionary(grant => grant.permission, grant => grant.scope);
        var team = user.TeamKey is { } key ? session.People.FindTeam(key) : null;
        return new UserView(user, rights.Position, team?.Name, rights.Region, effective);
    }

    private static Position? FindPosition(ICrmSession session, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var wanted = key.Trim();
        return Positions(session).FirstOrDefault(position =>
            string.Equals(position.Key, wanted, StringComparison.OrdinalIgnoreCase)
            || position.Name.Split(' ').Any(word => string.Equals(word, wanted, StringComparison.OrdinalIgnoreCase))
            || string.Equals(position.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static User? Find(ICrmSession session, string? mention) =>
        string.IsNullOrWhiteSpace(mention) ? null : UserMentions.Find(session, mention);

    private static CrmError PositionMissing(string? key) => key is null ? new MissingValue("position") : new NotFound("position", key);

    private static (Permission Permission, AccessScope Scope)? Grant(string? permissionWord, string? scopeWord) =>
        (PermissionNames.ParsePermission(permissionWord), PermissionNames.ParseScope(scopeWord)) is ({ } permission, { } scope) ? (permission, scope) : null;

    private static CrmError GrantError(string? permissionWord, string? scopeWord) =>
        PermissionNames.ParsePermission(permissionWord) is null
            ? permissionWord is null ? new MissingValue("permission") : new InvalidValue("permission", permissionWord)
            : scopeWord is null ? new MissingValue("scope") : new InvalidValue("scope", scopeWord);

    private static CrmError? ValidKey(string? key, string field) =>
        string.IsNullOrWhiteSpace(key) ? new MissingValue(field)
        : KeyShape().IsMatch(key.Trim()) ? null
        : new InvalidValue(field, key);

    private static string Describe(User user) =>
        $"position={user.Position} team={user.TeamKey ?? "-"} region={user.RegionKey ?? "-"}"
        + (user.Grants is { Count: > 0 } grants ? " own=" + Position.DescribeGrants(grants).Replace(' ', ',') : string.Empty)
        + (user.IsActive ? string.Empty : " deactivated");

    private static string Describe(Team team) => $"name={team.Name} manager={team.ManagerKey} region={team.RegionKey ?? "-"}";

    // Keys end up in commands and audit lines: plain lower-case words.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex KeyShape();
}
