using ChatCrm.Core.Access;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class PeopleDirectoryTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public PeopleDirectoryTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task User_comes_back_with_role_team_aliases_and_language()
    {
        await _store.Write(session => session.People.Save(TestLeads.Bob));

        var loaded = await _store.Read(session => session.People.FindUser("bob"));

        AssertSameUser(TestLeads.Bob, loaded);
    }

    [Fact]
    public async Task A_user_is_found_by_a_linked_chat_identity_on_that_channel_only()
    {
        var alice = new User("alice", "Alice", Role.Salesperson, "east", [], "en", [new ChannelIdentity("teams", "aad-alice"), new ChannelIdentity("wecom", "alice")]);
        await _store.Write(session => session.People.Save(alice));

        var (byTeams, byWeCom, wrongChannel) = await _store.Read(session => (
            session.People.FindUserByIdentity("teams", "aad-alice"),
            session.People.FindUserByIdentity("wecom", "alice"),
            session.People.FindUserByIdentity("wecom", "aad-alice")));

        Assert.Equal("alice", byTeams?.Key);
        Assert.Equal("alice", byWeCom?.Key);
        Assert.Null(wrongChannel);
    }

    [Fact]
    public async Task Team_comes_back_whole()
    {
        var team = new Team("east", "华东 East", "wang");
        await _store.Write(session => session.People.Save(team));

        Assert.Equal(team, await _store.Read(session => session.People.FindTeam("east")));
    }

    [Fact]
    public async Task All_users_and_teams_are_listed_by_key()
    {
        await _store.Write(session =>
        {
            session.People.Save(TestLeads.Bob);
            session.People.Save(TestLeads.Alice);
            session.People.Save(new Team("west", "West", "bob"));
            session.People.Save(new Team("east", "East", "alice"));
        });

        var (users, teams) = await _store.Read(session => (session.People.AllUsers(), session.People.AllTeams()));

        Assert.Equal(["alice", "bob"], users.Select(user => user.Key));
        Assert.Equal(["east", "west"], teams.Select(team => team.Key));
    }

    [Fact]
    public async Task Saving_a_user_again_replaces_it_for_readers_that_read_it_before()
    {
        await _store.Write(session => session.People.Save(TestLeads.Alice));
        await _store.Read(session => session.People.FindUser("alice")); // fills the cache
        var promoted = TestLeads.Alice with { Role = Role.Manager };

        await _store.Write(session => session.People.Save(promoted));

        Assert.Equal(Role.Manager, (await _store.Read(session => session.People.FindUser("alice")))?.Role);
    }

    [Fact]
    public async Task A_unit_sees_the_person_it_saved_before_the_commit()
    {
        var seen = await _store.WriteAsync(
            session =>
            {
                session.People.Save(TestLeads.Bob);
                return session.People.FindUser("bob");
            },
            CancellationToken.None);

        AssertSameUser(TestLeads.Bob, seen);
    }

    [Fact]
    public async Task A_person_saved_by_a_unit_that_failed_is_not_seen()
    {
        await _store.Read(session => session.People.AllUsers()); // fills the cache
        var failing = _store.Write(session =>
        {
            session.People.Save(TestLeads.Bob);
            throw new InvalidOperationException("the use case failed");
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Null(await _store.Read(session => session.People.FindUser("bob")));
    }

    [Fact]
    public async Task Unknown_user_and_team_are_null()
    {
        Assert.Null(await _store.Read(session => session.People.FindUser("nobody")));
        Assert.Null(await _store.Read(session => session.People.FindTeam("nowhere")));
    }

    private static void AssertSameUser(User expected, User? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.Key, expected.DisplayName, expected.Role, expected.TeamKey, expected.Language),
            (actual.Key, actual.DisplayName, actual.Role, actual.TeamKey, actual.Language));
        Assert.Equal(expected.Aliases, actual.Aliases);
    }
}
