using ChatCrm.Core.Access;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;

namespace ChatCrm.Storage.LiteDb.People;

internal sealed class PeopleDirectory(SessionScope scope, StoreCollections collections, PeopleCache cache, IPersonalDataProtector protector) : IPeopleDirectory
{
    public User? FindUser(string key) => Current().FindUser(key);

    // People are few and cached: a scan of the cached users beats an index here.
    public User? FindUserByIdentity(string channel, string externalId) =>
        Current().Users.FirstOrDefault(user => user.IsKnownAs(channel, externalId));

    public IReadOnlyList<User> AllUsers() => Current().Users;

    public Team? FindTeam(string key) => Current().FindTeam(key);

    public IReadOnlyList<Team> AllTeams() => Current().Teams;

    public void Save(User user)
    {
        var document = PeopleDocuments.UserToDocument(user, protector);
        scope.Write(() => collections.Users.Upsert(document));
        scope.Transaction!.PeopleChanged = true;
    }

    public void Save(Team team)
    {
        var document = PeopleDocuments.TeamToDocument(team);
        scope.Write(() => collections.Teams.Upsert(document));
        scope.Transaction!.PeopleChanged = true;
    }

    public Position? FindPosition(string key) => Current().FindPosition(key);

    public IReadOnlyList<Position> AllPositions() => Current().Positions;

    public void Save(Position position)
    {
        var document = PeopleDocuments.PositionToDocument(position);
        scope.Write(() => collections.Positions.Upsert(document));
        scope.Transaction!.PeopleChanged = true;
    }

    // Once this transaction saved a person, it must see its own uncommitted change, which the
    // cache (committed data only) does not hold.
    private PeopleSnapshot Current() =>
        scope.Transaction is { PeopleChanged: true } ? Load() : cache.Get(Load);

    private PeopleSnapshot Load() => scope.Read(() => new PeopleSnapshot(
        collections.Users.FindAll().Select(document => PeopleDocuments.ToUser(document, protector)),
        collections.Teams.FindAll().Select(PeopleDocuments.ToTeam),
        collections.Positions.FindAll().Select(PeopleDocuments.ToPosition)));
}
