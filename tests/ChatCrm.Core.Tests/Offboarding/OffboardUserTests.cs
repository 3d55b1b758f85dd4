using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Reminders;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Offboarding;

/// <summary>The offboarding fuse: one transaction takes away a person's access, keys, sources, reminders, offers and leads.</summary>
public sealed class OffboardUserTests : IDisposable
{
    private readonly OffboardingDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task Open_leads_go_to_the_team_manager_each_move_audited()
    {
        var first = await _desk.World.NewLeadAsync(Alice, "王总", "华为");
        var second = await _desk.World.NewLeadAsync(Alice, "李经理", "阿里");

        var done = await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        Assert.Equal((LeadDestination.Manager, "wang", 2, 0), (done.Value!.Destination, done.Value.ManagerKey, done.Value.LeadsToManager, done.Value.LeadsToPool));
        foreach (var number in new[] { first.Number, second.Number })
        {
            Assert.Equal("wang", (await _desk.World.LeadAsync(number))!.OwnerKey);
            var move = Assert.Single(await _desk.AuditAsync(number), entry => entry.Action == AuditActions.OffboardLead);
            Assert.Equal(("admin", "alice", "wang"), (move.ActorKey, move.Before!.OwnerKey, move.After!.OwnerKey));
        }
    }

    [Fact]
    public async Task The_manager_is_told_how_many_leads_moved_where()
    {
        await _desk.World.NewLeadAsync(Alice, "王总", "华为");

        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", "pool", default);

        var notice = Assert.Single(await _desk.Desk.NoticesAsync("wang", Notices.UserOffboarded));
        Assert.Equal(("alice", "pool", "1"), (notice.Args["user"], notice.Args["to"], notice.Args["leads"]));
    }

    [Fact]
    public async Task With_the_pool_policy_open_leads_go_back_to_the_teams_pool_and_closed_ones_stay()
    {
        var open = await _desk.World.NewLeadAsync(Alice, "王总", "华为");
        var won = await _desk.World.NewLeadAsync(Alice, "赵总", "小米");
        await new ChangeStage(_desk.World.Store, _desk.World.Clock).HandleAsync(As(Alice), won.Number, LeadStage.Won, default);

        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", "pool", default);

        var pooled = (await _desk.World.LeadAsync(open.Number))!;
        Assert.Equal((null, "east"), (pooled.OwnerKey, pooled.TeamKey));
        Assert.Equal("alice", (await _desk.World.LeadAsync(won.Number))!.OwnerKey);
    }

    [Fact]
    public async Task An_offer_the_engine_made_is_withdrawn_and_the_next_candidate_offered_at_once()
    {
        var number = await _desk.Desk.IntakeAsync("王总");
        var first = Assert.Single(await _desk.Desk.RunAsync());

        var done = await _desk.Offboard.DeactivateAsync(As(Admin), first.UserKey, null, default);

        var assignment = await _desk.Desk.AssignmentAsync(number);
        Assert.Equal(1, done.Value!.OffersWithdrawn);
        Assert.Equal([OfferResult.Withdrawn, OfferResult.Pending], assignment.Offers.Select(offer => offer.Result));
        Assert.NotEqual(first.UserKey, (await _desk.Desk.LeadAsync(number)).AssigneeKey);
    }

    [Fact]
    public async Task Pending_reminders_are_cancelled()
    {
        var set = await new SetReminder(_desk.World.Store, _desk.World.Clock).HandleAsync(As(Alice), _desk.World.Clock.GetUtcNow().AddHours(2), "给王总打电话", null, default);

        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        Assert.Equal(ReminderState.Cancelled, (await _desk.World.Store.ReadAsync(session => session.Reminders.Find(set.Value!.Reminder.Id), default))!.State);
    }

    [Fact]
    public async Task Intake_sources_they_added_are_switched_off_with_a_new_secret()
    {
        await _desk.World.Store.WriteAsync(session =>
        {
            session.People.Save(Alice with { PositionKey = DefaultPositions.Admin });
            return true;
        }, default);
        var added = await _desk.Sources.AddAsync(As(Alice with { PositionKey = DefaultPositions.Admin }), "alice-form", "web", "east", default);

        var done = await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        var source = (await _desk.World.Store.ReadAsync(session => session.Intake.FindSource("alice-form"), default))!;
        Assert.Equal((1, false), (done.Value!.SourcesSwitchedOff, source.Enabled));
        Assert.NotEqual(added.Value!.Secret, source.Secret);
    }

    [Fact]
    public async Task From_the_commit_on_they_may_do_nothing()
    {
        var lead = await _desk.World.NewLeadAsync(Alice, "王总", "华为");

        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", "pool", default);
        var claim = await new ClaimLead(_desk.World.Store, _desk.World.Clock).HandleAsync(As(await _desk.UserAsync("alice")), lead.Number, default);

        Assert.IsType<LeadNotFound>(claim.Error);
    }

    [Theory]
    [InlineData("wang", "alice", typeof(NotPermitted))]
    [InlineData("admin", "admin", typeof(CannotOffboardSelf))]
    [InlineData("admin", "nobody", typeof(UserNotFound))]
    public async Task Refusals_change_nothing(string actorKey, string target, Type refusal)
    {
        var actor = await _desk.UserAsync(actorKey);

        var result = await _desk.Offboard.DeactivateAsync(As(actor), target, null, default);

        Assert.IsType(refusal, result.Error);
        Assert.True((await _desk.UserAsync("alice")).IsActive);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_offboarded()
    {
        var result = await _desk.Offboard.DeactivateFromHrAsync("admin", null, default);

        Assert.IsType<LastAdmin>(result.Error);
    }

    [Fact]
    public async Task A_policy_that_is_neither_manager_nor_pool_is_refused()
    {
        var result = await _desk.Offboard.DeactivateAsync(As(Admin), "alice", "boss", default);

        Assert.Equal(new InvalidValue("leads", "boss"), result.Error);
    }

    [Fact]
    public async Task An_HR_retry_finds_them_offboarded_and_changes_nothing()
    {
        await _desk.World.NewLeadAsync(Alice, "王总", "华为");
        var first = await _desk.Offboard.DeactivateFromHrAsync("alice", "manager", default);
        var entries = (await _desk.World.Store.ReadAsync(session => session.Audit.RecentBy("hr", null, DateTimeOffset.MinValue, 100), default)).Count;

        var again = await _desk.Offboard.DeactivateFromHrAsync("alice", "manager", default);

        Assert.Equal((false, true, first.Value!.DeactivatedAt), (first.Value.AlreadyDeactivated, again.Value!.AlreadyDeactivated, again.Value.DeactivatedAt));
        Assert.Equal(entries, (await _desk.World.Store.ReadAsync(session => session.Audit.RecentBy("hr", null, DateTimeOffset.MinValue, 100), default)).Count);
    }

    [Fact]
    public async Task Reactivation_restores_access_not_the_leads()
    {
        var lead = await _desk.World.NewLeadAsync(Alice, "王总", "华为");
        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);

        var back = await _desk.Offboard.ReactivateAsync(As(Admin), "alice", default);

        Assert.True(back.IsSuccess);
        Assert.True((await _desk.UserAsync("alice")).IsActive);
        Assert.Equal("wang", (await _desk.World.LeadAsync(lead.Number))!.OwnerKey);
    }

    [Fact]
    public async Task Deactivation_and_reactivation_are_audited_and_cannot_be_undone_by_undo()
    {
        await _desk.Offboard.DeactivateAsync(As(Admin), "alice", null, default);
        await _desk.Offboard.ReactivateAsync(As(Admin), "alice", default);

        var undo = await new UndoChange(_desk.World.Store, _desk.World.Clock, _desk.World.Settings).HandleAsync(As(Admin), null, default);

        Assert.Equal([AuditActions.ReactivateUser, AuditActions.DeactivateUser], (await _desk.EntriesByAsync("admin")).Select(entry => entry.Action));
        Assert.IsType<CannotUndo>(undo.Error);
    }

    [Fact]
    public async Task With_the_teams_manager_offboarded_an_escalation_goes_to_the_admins()
    {
        await _desk.Offboard.DeactivateAsync(As(Admin), "wang", null, default);
        await _desk.Desk.UseRulesAsync(new AssignmentRule("east-small", 1, [], [], [], [], "east", AssignmentStrategy.RoundRobin, Capacity: 1));
        await _desk.World.PoolLeadAsync("已分配1", "east", offeredTo: Alice);
        await _desk.World.PoolLeadAsync("已分配2", "east", offeredTo: Bob);

        await _desk.Desk.IntakeAsync("周经理");
        await _desk.Desk.RunAsync();

        Assert.Single(await _desk.Desk.NoticesAsync("admin", Notices.AssignmentEscalated));
    }
}
