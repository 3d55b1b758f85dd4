using ChatCrm.Core.Access;

namespace ChatCrm.Core.Store;

/// <summary>Users and teams. Small: implementations may cache it.</summary>
public interface IPeopleDirectory
{
    User? FindUser(string key);

    /// <summary>The user linked to this chat-platform identity, if any.</summary>
    User? FindUserByIdentity(string channel, string externalId);

    IReadOnlyList<User> AllUsers();

    Team? FindTeam(string key);

    IReadOnlyList<Team> AllTeams();

    void Save(User user);

    void Save(Team team);

    /// <summary>A position as stored (the defaults are stored at start), by key.</summary>
    Position? FindPosition(string key);

    IReadOnlyList<Position> AllPositions();

    void Save(Position position);
}
