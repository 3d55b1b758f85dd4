using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>Teams: their manager and region.</summary>
public sealed partial class ManageAccess
{
    public Task<Result<IReadOnlyList<TeamView>>> ListTeamsAsync(Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync<Result<IReadOnlyList<TeamView>>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted("team.list", null);
            }

            var users = session.People.AllUsers();
            return Result<IReadOnlyList<TeamView>>.Success([.. session.People.AllTeams().Select(team => new TeamView(
                team, session.People.FindUser(team.ManagerKey)?.DisplayName ?? team.ManagerKey, users.Count(user => user.TeamKey == team.Key && user.IsActive)))]);
        }, cancellationToken);

    public Task<Result<AccessChanged>> AddTeamAsync(Actor actor, string? key, string? managerMention, string? region, string? name, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.AddTeam, cancellationToken, session =>
        {
            if (ValidKey(key, "team") is { } invalid)
            {
                return invalid;
            }

            var teamKey = key!.Trim().ToLowerInvariant();
            if (session.People.FindTeam(teamKey) is not null)
            {
                return new AlreadyExists("team", teamKey);
            }

            if (Find(session, managerMention) is not { } manager)
            {
                return managerMention is null ? new MissingValue("manager") : new UserNotFound(managerMention);
            }

            if (region is not null && ValidKey(region, "region") is { } badRegion)
            {
                return badRegion;
            }

            var team = new Team(teamKey, string.IsNullOrWhiteSpace(name) ? teamKey : name.Trim(), manager.Key, region?.Trim().ToLowerInvariant());
            session.People.Save(team);
            return Result<AccessChanged>.Success(new AccessChanged("team:" + teamKey, null, Describe(team)));
        });

    /// <param name="field">"region" or "manager".</param>
    public Task<Result<AccessChanged>> ChangeTeamAsync(Actor actor, string? key, string field, string? value, CancellationToken cancellationToken) =>
        Change(actor, AuditActions.ChangeTeam, cancellationToken, session =>
        {
            if (key is null || session.People.FindTeam(key.Trim().ToLowerInvariant()) is not { } team)
            {
                return key is null ? new MissingValue("team") : new NotFound("team", key);
            }

            Team changed;
            if (field == "manager")
            {
                if (Find(session, value) is not { } manager)
                {
                    return value is null ? new MissingValue("manager") : new UserNotFound(value);
                }

                changed = team with { ManagerKey = manager.Key };
            }
            else
            {
                if (ValidKey(value, "region") is { } invalid)
                {
                    return invalid;
                }

                changed = team with { RegionKey = value!.Trim().ToLowerInvariant() };
            }

            if (changed == team)
            {
                return new NoChange("team:" + team.Key);
            }

            session.People.Save(changed);
            return Result<AccessChanged>.Success(new AccessChanged("team:" + team.Key, Describe(team), Describe(changed)));
        });
}
