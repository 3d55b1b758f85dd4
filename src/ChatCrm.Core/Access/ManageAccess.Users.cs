using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>Users: who they are, their position, team, region and own grants.</summary>
public sealed partial class ManageAccess
{
    public Task<Result<IReadOnlyList<UserView>>> ListUsersAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<IReadOnlyList<UserView>>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("user.list", null);
            }

            return Result<IReadOnlyList<UserView>>.Success([.. session.People.AllUsers().Select(user => View(session, user))]);
        }, cancellationToken);

    public Task<Result<UserView>> ShowUserAsync(Actor actor, string? mention, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<UserView>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("user.show", null);
            }

            return Find(session, mention) is { } user ? Result<UserView>.Success(View(session, user)) : new UserNotFound(mention ?? string.Empty);
        }, cancellationToken);

    /// <summary>A new colleague: login, name, and optionally a team and position (default: salesperson).</summary>
    public Task<Result<AccessChanged>> AddUserAsync(Actor actor, string? login, string? name, string? teamKey, string? positionKey, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.AddUser, cancellationToken, session =>
        {
            if (ValidKey(login, "login") is { } invalid)
            {
                return invalid;
            }

            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            {
                return string.IsNullOrWhiteSpace(name) ? new MissingValue("name") : new InvalidValue("name", name);
            }

            var key = login!.Trim().ToLowerInvariant();
            if (session.People.FindUser(key) is not null)
            {
                return new AlreadyExists("user", key);
            }

            Team? team = null;
            if (teamKey is not null && (team = session.People.FindTeam(teamKey.Trim().ToLowerInvariant())) is null)
            {
                return new NotFound("team", teamKey);
            }

            var position = positionKey is null ? DefaultPositions.Find(DefaultPositions.Sales) : FindPosition(session, positionKey);
            if (position is null)
            {
                return PositionMissing(positionKey);
            }

            var user = new User(key, name.Trim(), RoleOf(position.Key), team?.Key, [name.Trim()], "zh", [], position.Key);
            session.People.Save(user);
            return Result<AccessChanged>.Success(new AccessChanged("user:" + key, null, Describe(user)));
        });

    /// <param name="field">"position", "team" or "region".</param>
    public Task<Result<AccessChanged>> ChangeUserAsync(Actor actor, string? mention, string field, string? value, string? reason, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.ChangeUser, cancellationToken, session => ChangeUser(session, actor, mention, field, value, approved: false), reason,
            OwnPermissionsOperation.Parameters(AuditActions.ChangeUser, mention, field, value));

    internal static Result<AccessChanged> ChangeUser(ICrmSession session, Actor actor, string? mention, string field, string? value, bool approved)
    {
        if (Find(session, mention) is not { } user)
        {
            return new UserNotFound(mention ?? string.Empty);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return new MissingValue(field);
        }

        var word = value.Trim().ToLowerInvariant();
        User changed;
        switch (field)
        {
            case "position":
                if (FindPosition(session, word) is not { } position)
                {
                    return PositionMissing(word);
                }

                changed = user with { PositionKey = position.Key, Role = RoleOf(position.Key) };
                break;
            case "team":
                if (session.People.FindTeam(word) is not { } team)
                {
                    return new NotFound("team", word);
                }

                changed = user with { TeamKey = team.Key };
                break;
            default:
                if (ValidKey(word, "region") is { } invalid)
                {
                    return invalid;
                }

                changed = user with { RegionKey = word };
                break;
        }

        if (changed == user)
        {
            return new NoChange("user:" + user.Key);
        }

        if (!approved && user.Key == actor.User.Key)
        {
            return new OwnPermissions(AuditActions.ChangeUser);
        }

        session.People.Save(changed);
        return Result<AccessChanged>.Success(new AccessChanged("user:" + user.Key, Describe(user), Describe(changed)));
    }

    /// <param name="scopeWord">A scope, or "default" to drop the user's own grant and use their position's.</param>
    public Task<Result<AccessChanged>> GrantUserAsync(Actor actor, string? mention, string? permissionWord, string? scopeWord, string? reason, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.GrantUser, cancellationToken, session => GrantUser(session, actor, mention, permissionWord, scopeWord, approved: false), reason,
            OwnPermissionsOperation.Parameters(AuditActions.GrantUser, mention, permissionWord, scopeWord));

    internal static Result<AccessChanged> GrantUser(ICrmSession session, Actor actor, string? mention, string? permissionWord, string? scopeWord, bool approved)
    {
        if (Find(session, mention) is not { } user)
        {
            return new UserNotFound(mention ?? string.Empty);
        }

        if (PermissionNames.ParsePermission(permissionWord) is not { } permission)
        {
            return permissionWord is null ? new MissingValue("permission") : new InvalidValue("permission", permissionWord);
        }

        var toDefault = string.Equals(scopeWord?.Trim(), "default", StringComparison.OrdinalIgnoreCase) || scopeWord?.Trim() == "默认";
        if (!toDefault && PermissionNames.ParseScope(scopeWord) is null)
        {
            return scopeWord is null ? new MissingValue("scope") : new InvalidValue("scope", scopeWord);
        }

        if (!approved && user.Key == actor.User.Key)
        {
            return new OwnPermissions(AuditActions.GrantUser);
        }

        var grants = new Dictionary<Permission, AccessScope>(user.Grants ?? new Dictionary<Permission, AccessScope>());
        if (toDefault)
        {
            grants.Remove(permission);
        }
        else
        {
            grants[permission] = PermissionNames.ParseScope(scopeWord)!.Value;
        }

        var changed = user with { Grants = grants.Count == 0 ? null : grants };
        if (Describe(changed) == Describe(user))
        {
            return new NoChange("user:" + user.Key);
        }

        session.People.Save(changed);
        return Result<AccessChanged>.Success(new AccessChanged("user:" + user.Key, Describe(user), Describe(changed)));
    }
}
