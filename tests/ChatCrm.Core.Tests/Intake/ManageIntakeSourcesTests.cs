using ChatCrm.Core.Audit;
using ChatCrm.Core.Intake;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Intake;

public sealed class ManageIntakeSourcesTests : IDisposable
{
    private readonly IntakeWorld _intake = new();

    public void Dispose() => _intake.Dispose();

    private ManageIntakeSources Manage => new(_intake.World.Store, _intake.World.Clock);

    private Task<IntakeSource?> SourceAsync(string key) => _intake.World.Store.ReadAsync(session => session.Intake.FindSource(key), default);

    [Fact]
    public async Task An_admin_adds_a_source_whose_new_secret_is_shown_once_and_audited_without_it()
    {
        var added = (await Manage.AddAsync(As(Admin), "Partner-A", "Partner", "south", default)).Value!;

        Assert.Equal(("partner-a", "partner", "south"), (added.Key, added.Channel, added.TeamKey));
        Assert.Matches("^[0-9a-f]{64}$", added.Secret);
        Assert.Equal(added.Secret, (await SourceAsync("partner-a"))!.Secret);
        var audit = Assert.Single(await _intake.World.Store.ReadAsync(session => session.Audit.RecentBy("admin", null, DateTimeOffset.MinValue, 5), default));
        Assert.Equal((AuditActions.AddIntakeSource, "partner-a"), (audit.Action, audit.Detail));
        Assert.DoesNotContain(added.Secret, added.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_refuses_an_existing_key_an_unknown_team_and_a_bad_key()
    {
        Assert.IsType<IntakeSourceExists>((await Manage.AddAsync(As(Admin), "webform", "web", null, default)).Error);
        Assert.Equal("team", Assert.IsType<InvalidValue>((await Manage.AddAsync(As(Admin), "ads", "ads", "north", default)).Error).Field);
        Assert.Equal("key", Assert.IsType<InvalidValue>((await Manage.AddAsync(As(Admin), "a/b", "ads", null, default)).Error).Field);
        Assert.Equal("channel", Assert.IsType<MissingValue>((await Manage.AddAsync(As(Admin), "ads", null, null, default)).Error).Field);
    }

    [Fact]
    public async Task Rotating_gives_a_new_secret_and_the_old_one_is_gone()
    {
        var rotated = (await Manage.RotateSecretAsync(As(Admin), "webform", default)).Value!;

        Assert.NotEqual("webform-secret-0123456789", rotated.Secret);
        Assert.Equal(rotated.Secret, (await SourceAsync("webform"))!.Secret);
    }

    [Fact]
    public async Task Switching_off_and_on_changes_the_source_and_saying_it_twice_changes_nothing()
    {
        var off = await Manage.SwitchAsync(As(Admin), "webform", on: false, default);
        var again = await Manage.SwitchAsync(As(Admin), "webform", on: false, default);

        Assert.Equal(new IntakeSourceSwitched("webform", false), off.Value);
        Assert.IsType<NoChange>(again.Error);
        Assert.False((await SourceAsync("webform"))!.Enabled);
        Assert.True((await Manage.SwitchAsync(As(Admin), "webform", on: true, default)).IsSuccess);
    }

    [Fact]
    public async Task An_unknown_source_is_named()
    {
        Assert.Equal("nosuch", Assert.IsType<IntakeSourceNotFound>((await Manage.RotateSecretAsync(As(Admin), "nosuch", default)).Error).Key);
    }

    [Fact]
    public async Task Only_admins_manage_sources()
    {
        Assert.IsType<NotPermitted>((await Manage.ListAsync(As(Wang), default)).Error);
        Assert.IsType<NotPermitted>((await Manage.AddAsync(As(Wang), "ads", "ads", null, default)).Error);
        Assert.IsType<NotPermitted>((await Manage.RotateSecretAsync(As(Alice), "webform", default)).Error);
        Assert.IsType<NotPermitted>((await Manage.SwitchAsync(As(Alice), "webform", false, default)).Error);
        Assert.True((await SourceAsync("webform"))!.Enabled);
    }

    [Fact]
    public async Task The_list_shows_each_sources_counts_of_the_last_24_hours_and_its_last_error()
    {
        await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13800138000"));
        _intake.World.Clock.Advance(TimeSpan.FromHours(25));
        await _intake.AcceptedAsync("webform", ("name", "王强"), ("phone", "13900139000"));
        await _intake.AcceptedAsync("webform", ("name", "王强"), ("phone", "13900139000"));
        await _intake.SendAsync("webform", IntakeWorld.Fields(("name", "x")));

        var list = (await Manage.ListAsync(As(Admin), default)).Value!;

        Assert.Equal(["douyin", "webform"], list.Select(source => source.Key));
        var webform = list[1];
        Assert.Equal(new IntakeCounts(Received: 3, Accepted: 1, Duplicate: 1, Rejected: 1, Replayed: 0), webform.Last24Hours);
        Assert.Equal("invalid fields: email, phone", webform.LastError);
    }

    [Fact]
    public async Task A_retried_chat_message_adds_a_source_once()
    {
        var first = await Manage.AddAsync(As(Admin, inbound: "m-1"), "ads", "ads", null, default);
        var retry = await Manage.AddAsync(As(Admin, inbound: "m-1"), "ads", "ads", null, default);

        Assert.True(first.IsSuccess);
        Assert.IsType<AlreadyHandled>(retry.Error);
    }
}
