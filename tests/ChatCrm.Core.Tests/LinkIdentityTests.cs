using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class LinkIdentityTests : IDisposable
{
    private const string BobTeamsId = "6f1c2d3e-0000-4000-8000-0000000b0b01";

    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private LinkIdentity Link => new(_world.Store, _world.Clock);

    private Task<User?> FindAsync(string channel, string id) =>
        _world.Store.ReadAsync(session => session.People.FindUserByIdentity(channel, id), default);

    [Fact]
    public async Task An_admin_links_a_teams_account_to_a_user_by_name_and_it_is_audited_without_the_id()
    {
        var linked = await Link.LinkAsync(As(Admin), "鲍勃", "Teams", BobTeamsId, default);

        Assert.Equal(("bob", "teams", true), (linked.Value!.UserKey, linked.Value.Channel, linked.Value.Linked));
        Assert.Equal("bob", (await FindAsync("teams", BobTeamsId.ToUpperInvariant()))!.Key);
        var audit = Assert.Single(await _world.Store.ReadAsync(session => session.Audit.RecentBy("admin", null, DateTimeOffset.MinValue, 5), default));
        Assert.Equal((AuditActions.LinkIdentity, "bob teams"), (audit.Action, audit.Detail));
    }

    [Fact]
    public async Task A_new_account_replaces_the_old_one_and_forgets_the_old_accounts_chat()
    {
        await Link.LinkAsync(As(Admin), "bob", "teams", BobTeamsId, default);
        await new RememberPersonalChannel(_world.Store, _world.Clock).HandleAsync("teams", BobTeamsId, "old-chat", isDirect: true, default);

        await Link.LinkAsync(As(Admin), "bob", "teams", "another-account", default);

        Assert.Null(await FindAsync("teams", BobTeamsId));
        Assert.Equal("bob", (await FindAsync("teams", "another-account"))!.Key);
        Assert.Empty(await _world.Store.ReadAsync(session => session.Conversations.PersonalChannelsOf("bob"), default));
    }

    [Fact]
    public async Task An_account_another_user_holds_is_refused_and_stays_theirs()
    {
        await Link.LinkAsync(As(Admin), "bob", "teams", BobTeamsId, default);

        var taken = await Link.LinkAsync(As(Admin), "alice", "teams", BobTeamsId, default);

        Assert.Equal("bob", Assert.IsType<IdentityTaken>(taken.Error).UserKey);
        Assert.Equal("bob", (await FindAsync("teams", BobTeamsId))!.Key);
    }

    [Fact]
    public async Task Only_admins_link_and_bad_input_changes_nothing()
    {
        Assert.IsType<NotPermitted>((await Link.LinkAsync(As(Wang), "bob", "teams", BobTeamsId, default)).Error);
        Assert.IsType<InvalidValue>((await Link.LinkAsync(As(Admin), "bob", "slack", BobTeamsId, default)).Error);
        Assert.IsType<InvalidValue>((await Link.LinkAsync(As(Admin), "bob", "teams", "two words", default)).Error);
        Assert.IsType<MissingValue>((await Link.LinkAsync(As(Admin), "bob", "teams", null, default)).Error);
        Assert.IsType<UserNotFound>((await Link.LinkAsync(As(Admin), "nobody", "teams", BobTeamsId, default)).Error);

        Assert.Null(await FindAsync("teams", BobTeamsId));
    }

    [Fact]
    public async Task Unlinking_removes_the_account_and_a_second_unlink_changes_nothing()
    {
        await Link.LinkAsync(As(Admin), "bob", "teams", BobTeamsId, default);

        var unlinked = await Link.UnlinkAsync(As(Admin), "bob", "teams", default);
        var again = await Link.UnlinkAsync(As(Admin), "bob", "teams", default);

        Assert.False(unlinked.Value!.Linked);
        Assert.IsType<NoChange>(again.Error);
        Assert.Null(await FindAsync("teams", BobTeamsId));
    }
}
