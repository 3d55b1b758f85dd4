using ChatCrm.Core.Access;

namespace ChatCrm.Storage.LiteDb.People;

/// <summary>
/// The committed users and teams, kept in memory: every chat turn asks who its sender is, and the
/// directory is tiny. Dropped after a transaction that saved a person commits. A load that raced
/// with such a commit is used once but not kept (the generation tells), so the cache never holds
/// what was read before a commit that happened after the drop.
/// </summary>
internal sealed class PeopleCache
{
    private readonly Lock _gate = new();
    private PeopleSnapshot? _committed;
    private long _generation;

    public PeopleSnapshot Get(Func<PeopleSnapshot> load)
    {
        long generation;
        lock (_gate)
        {
            if (_committed is not null)
            {
                return _committed;
            }

            generation = _generation;
        }

        var loaded = load();
        lock (_gate)
        {
            if (generation == _generation)
            {
                _committed = loaded;
            }
        }

        return loaded;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _committed = null;
        }
    }
}

/// <summary>All users, teams and positions at one moment, ordered by key.</summary>
internal sealed class PeopleSnapshot
{
    private readonly Dictionary<string, User> _usersByKey;
    private readonly Dictionary<string, Team> _teamsByKey;
    private readonly Dictionary<string, Position> _positionsByKey;

    public PeopleSnapshot(IEnumerable<User> users, IEnumerable<Team> teams, IEnumerable<Position> positions)
    {
        Positions = [.. positions.OrderBy(position => position.Key, StringComparer.Ordinal)];
        _positionsByKey = Positions.ToDictionary(position => position.Key, StringComparer.Ordinal);
        Users = [.. users.OrderBy(user => user.Key, StringComparer.Ordinal)];
        Teams = [.. teams.OrderBy(team => team.Key, StringComparer.Ordinal)];
        _usersByKey = Users.ToDictionary(user => user.Key, StringComparer.Ordinal);
        _teamsByKey = Teams.ToDictionary(team => team.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<User> Users { get; }

    public IReadOnlyList<Team> Teams { get; }

    public IReadOnlyList<Position> Positions { get; }

    public Position? FindPosition(string key) => _positionsByKey.GetValueOrDefault(key);

    public User? FindUser(string key) => _usersByKey.GetValueOrDefault(key);

    public Team? FindTeam(string key) => _teamsByKey.GetValueOrDefault(key);
}
